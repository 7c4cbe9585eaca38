"""Pipeline-level behaviour that no single stage owns."""
import stripper
from stripper.phrases import load_phrases, normalize_block


def test_a_page_whose_one_block_is_also_its_title_keeps_it_as_the_body():
    line = ("The harbour council approved the new sea wall on Tuesday evening after a long debate, and "
            "work is due to start in the spring, the harbour master said.")
    art = stripper.strip(line, input_format="text")
    assert art.text == line


def test_the_title_line_still_leaves_a_longer_body():
    title = "Harbour council approves new sea wall"
    paras = ["The harbour council approved the new sea wall on Tuesday evening after a long debate that "
             "filled the public gallery until late into the night.",
             "Work is due to start in the spring and to last two years, the harbour master said, adding that "
             "fishing boats would be moved to the north quay meanwhile."]
    art = stripper.strip("\n\n".join([title, *paras]), input_format="text")
    assert art.title == title
    assert not art.text.startswith(title)


def test_an_ellipsis_at_the_end_of_a_block_is_edge_punctuation():
    assert normalize_block("Das könnte Dich auch interessieren …") == "das könnte dich auch interessieren"
    assert normalize_block("Read more...") == normalize_block("Read more…") == "read more"
    assert load_phrases("related").whole("Most popular …") == "most popular"


def test_a_markdown_headline_ending_in_a_full_stop_is_the_title():
    head = "A forgotten library held up half the web's date parsing. Its maintainer now wants to retire."
    paras = ["For eleven years one volunteer has kept a small date library alive in the evenings and at "
             "weekends, answering bug reports from companies many times the size of his own household.",
             "Last month he posted a short note at the top of the project page saying he would step down "
             "at the end of the year, and asking for someone to take over the work."]
    art = stripper.strip("\n\n".join([f"# {head}", "By Nadia Osei · March 12, 2024", *paras]),
                         input_format="markdown")
    assert art.title == head
    assert head not in art.text
    # the same sentence as a plain paragraph of a text dump is prose, not a title
    art = stripper.strip("\n\n".join([head, *paras]), input_format="text")
    assert art.title != head
