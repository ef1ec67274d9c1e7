"""Faces load on first use, each by the name of the hook asked for: the first str() of a
figure loads the plain-text face alone, and the HTML face waits for the first HTML."""

import subprocess
import sys

PROBE = """
import sys
import ledger as lg
figure = lg.Figure.of("300 million USD", "about")
before = "ledger.plain" in sys.modules, "ledger.display" in sys.modules
text = str(figure)
after_text = "ledger.plain" in sys.modules, "ledger.display" in sys.modules
figure._repr_html_()
after_html = "ledger.display" in sys.modules
print(before, text, after_text, after_html)
"""


def test_the_first_str_loads_the_text_face_and_not_the_html_one():
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == ("(False, False) about 300000000 USD (True, False) True")
