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
