"""SHR: share prompts and rows of social network names."""
import pytest
from .rulecheck import Fires, Quiet, case_id, check

CASES = [
    Fires("SHR001", "Share this article", 'share prompt "Share this article"'),
    Fires("SHR001", "Sharing is caring", 'share prompt "sharing is caring"'),
    Fires("SHR001", "Share on Facebook", 'share prompt "Share on Facebook"'),
    Fires("SHR001", "Copy link", 'share prompt "Copy link"'),
    Fires("SHR001", "Follow us on Instagram", 'share prompt "Follow us on"'),
    Fires("SHR001", "Artikel teilen", 'share prompt "Artikel teilen"', language="de"),
    Fires("SHR001", "Partager sur Facebook", 'share prompt "Partager sur Facebook"', language="fr"),
    Fires("SHR001", "分享到：微信 微博 QQ空间", 'share prompt "分享到"', language="zh"),
    Fires("SHR002", "Facebook Twitter WhatsApp Email Print", 'social names "Facebook Twitter'),
    Fires("SHR002", "Facebook · X · LinkedIn · E-Mail", "social names"),
    Fires("SHR002", "Tweet Share Pin", 'social names "Tweet Share Pin"'),
    Quiet("Facebook, Twitter and LinkedIn all declined to comment on the report."),
    Quiet("Shares in the company fell 4 percent on Tuesday."),
    Quiet("Police asked residents to share any footage of the crash."),
    Quiet("Pinterest users posted more than a million photos of the bridge."),
    Fires("SHR001", "Nos siga no", 'share prompt "nos siga no"', language="pt"),
    Fires("SHR001", "Siga-nos", 'share prompt "siga-nos"', language="pt"),
    Quiet("A polícia pediu aos moradores que nos siga no caminho até a praça, disse o comandante, "
          "porque a rua principal ficou fechada durante toda a tarde de domingo por causa das obras.",
          language="pt"),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case):
    check(case)
