"""Language guess: script shares and stoplist votes."""
from stripper.language import guess_language


def test_a_chinese_page_whose_long_lines_are_padded_menus_is_still_chinese():
    # Layout-keeping dumps pad lines with spaces; the long lines are an archive menu of dates.
    menu = "        " + " ".join(f"2016 {m} ({i})" for i, m in enumerate(["十月", "八月", "七月", "六月"])) + " " * 10
    prose = "我们今天早上从台北出发一路上的风景很美 到了山上已经是中午了 大家都在营地里休息"
    assert guess_language("\n".join([menu] * 40 + [prose] * 30)) == "zh"
    # An English article quoting a few Japanese words stays English.
    english = "Japan is a safe country, but the train at rush hour is another matter for the women who ride it. " * 3
    assert guess_language("\n".join([english] * 20 + ["痴漢 (chikan) 確保する。 拡散希望"] * 5)) == "en"
