"""CKE and NWS: cookie/consent banners and newsletter sign-ups."""
import pytest
from .rulecheck import Fires, Quiet, case_id, check

ABOUT_COOKIES = ("Browser makers spent most of the decade arguing about what should replace third-party "
                 "tracking. Regulators meanwhile found that the banners asking people to accept all "
                 "cookies had become so routine that almost nobody read them, and the agency said "
                 "it would start fining sites whose refuse button was harder to find than the other one.")

CASES = [
    Fires("CKE001", "We use cookies to give you the best experience on our website.", 'consent banner "We use cookies'),
    Fires("CKE001", "Accept all cookies", 'consent banner "Accept all cookies"'),
    Fires("CKE001", "Manage preferences", 'consent banner "Manage preferences"'),
    Fires("CKE001", "By continuing to browse the site you are agreeing to our use of cookies.",
          'consent banner "By continuing to browse"'),
    Fires("CKE001", "This website uses cookies to improve your experience. " + ABOUT_COOKIES,
          'consent banner "This website uses cookies"'),
    Fires("CKE001", "Wir verwenden Cookies, um Inhalte zu personalisieren.", 'consent banner "Wir verwenden Cookies"',
          language="de"),
    Fires("CKE001", "Nous utilisons des cookies pour mesurer l'audience.", 'consent banner "Nous utilisons des cookies"',
          language="fr"),
    Fires("NWS001", "Sign up for our newsletter", 'newsletter prompt "Sign up for our newsletter"'),
    Fires("NWS001", "Lass dir die besten Storys jede Woche in deinen Posteingang liefern.",
          'newsletter prompt "in deinen Posteingang"', language="de"),
    Quiet("Die Behörde verschickt die Bescheide ab Mai nicht mehr mit der Post, sagte der Sprecher am Dienstag, "
          "sondern elektronisch: Wer zugestimmt hat, bekommt sie direkt in deinen Posteingang, wie es in der "
          "Werbung der Stadt heißt, alle anderen weiterhin auf Papier und mit einem Brief der Stadtverwaltung.",
          language="de"),
    Fires("NWS001", "Get the best stories delivered to your inbox every morning.",
          'newsletter prompt "delivered to your inbox"'),
    Fires("NWS001", "Enter your email address", 'newsletter prompt "Enter your email address"'),
    Fires("NWS001", "You can unsubscribe at any time.", 'newsletter prompt "You can unsubscribe at any time"'),
    Fires("NWS001", "Jetzt Newsletter abonnieren", 'newsletter prompt "Jetzt Newsletter"', language="de"),
    Fires("NWS001", "Inscrivez-vous à notre newsletter", 'newsletter prompt "Inscrivez-vous à notre newsletter"',
          language="fr"),
    Fires("NWS001", "Recevoir la newsletter", 'newsletter prompt "Recevoir la newsletter"', language="fr"),
    Quiet(ABOUT_COOKIES),
    Quiet("Chocolate chip cookies were invented in 1938 by Ruth Wakefield at the Toll House Inn."),
    Quiet("The company's newsletter, which she started in 2019, now reaches 40,000 readers."),
    Quiet("Her inbox filled with complaints within an hour of the announcement."),
    Fires("NWS001", "Get regular updates on the latest tutorials, offers & news at Harbor Academy.",
          'newsletter prompt "Get regular updates on the latest"'),
    Quiet("Piekarnia przy rynku od lat sprzedaje ciastka, a jej właściciel mówi, że korzystamy z cookies tylko w jednym "
          "znaczeniu: tych, które codziennie rano wyjmuje z pieca i układa na ladzie dla klientów, którzy przychodzą "
          "przed pracą po świeże pieczywo i kawę na wynos z małego okienka od ulicy.", language="pl"),
    Fires("CKE001", "Zachęcamy do odwiedzin naszej strony. Informujemy, że korzystamy z cookies.",
          'consent banner "korzystamy z cookies"', language="pl"),
    Fires("CKE001", "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine "
          "Verbindung zu Twitter her. Hier kannst du deine Einstellungen verwalten.",
          'consent banner "Wir respektieren deine Privatsphäre"', language="de"),
    Quiet("According to a survey of more than two thousand graduates, students who get regular updates on the "
          "latest research in their field are more likely to finish their degree within the standard period of "
          "study, and they also report that they feel better prepared for the first job after university."),
    Quiet("Der Datenschutzbeauftragte prüft seit Monaten, ob die App der Stadt die Daten der Nutzer an Dritte "
          "weitergibt; die Stadt sagt, wir respektieren ihre Privatsphäre, und verweist auf ihre Richtlinien, "
          "die seit dem vergangenen Jahr für alle Ämter gelten und die jeder Bürger im Rathaus einsehen kann.",
          language="de"),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case):
    check(case)
