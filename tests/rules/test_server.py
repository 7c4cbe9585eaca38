"""SRV: error output of the site's software printed into the page."""
import pytest
from .rulecheck import Fires, Quiet, case_id, check

CASES = [
    Fires("SRV001", "Deprecated: Assigning the return value of new by reference is deprecated in "
          "/www/htdocs/w00a2ebd/wp-settings.php on line 520", 'server error output "Deprecated'),
    Fires("SRV001", "Strict Standards: Declaration of Walker_Page::start_lvl() should be compatible with "
          "Walker::start_lvl(&$output) in /www/htdocs/wp-includes/classes.php on line 1199",
          'server error output "Strict Standards'),
    Fires("SRV001", "Warning: Cannot modify header information - headers already sent by (output started at "
          "/home/site/public_html/index.php:3) in /home/site/public_html/wp-login.php on line 12",
          'server error output "Warning'),
    Fires("SRV001", "Notice: Undefined index: page in /var/www/html/view.php on line 7",
          'server error output "Notice'),
    Fires("SRV001", "Notice: Undefined variable: title", 'server error output "Notice'),
    # prose that mentions warnings, notices, PHP files or line numbers stays
    Quiet("Warning: the bridge will close on Monday for repairs, the council said in a notice posted on line 3 "
          "of its website."),
    Quiet("Notice: the library is closed on public holidays."),
    Quiet("The developer said the fatal error in checkout.php was fixed on Tuesday, two days after customers "
          "first reported it."),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case):
    check(case)
