"""Keys typed ahead in one burst (tmux send-keys, a paste) act in the order
typed, over SSH: '/Moscow' Enter n searches and steps, none of the letters
reaching the article (o = links, c = cut lines); 'Tab j j Enter' jumps."""
from __future__ import annotations

import pytest

from .harness import joined
from .test_ssh import UTF8_256, article, counter, open_and_wait

pytestmark = pytest.mark.e2e


def test_a_burst_of_keys_acts_in_order(open_reader):
    pane = open_and_wait(open_reader, UTF8_256)
    pane.keys("/", "Moscow", "Enter", "n")  # one send-keys: one burst
    pane.wait_for(lambda now: (counter(now) or ("", 0, 0))[:2] == ("/Moscow", 2),
                  "the search and n, typed in one burst")
    lines = pane.screen()
    assert "Links (" not in "\n".join(lines) and "What the cleaner cut" not in "\n".join(lines)
    assert "Moscow" in joined(article(pane, lines))

    pane.keys("Escape")
    pane.wait_for(lambda now: counter(now) is None, "Esc to clear the search")
    pane.keys("Tab", "g", "j", "Enter")  # into the panel, first person, jump: one burst
    pane.wait_for(counter, "Tab g j Enter typed in one burst")
    name, position, total = counter(pane.screen())
    assert position == 1 and total >= 1 and name in joined(article(pane))
    pane.keys("q")
    assert pane.wait_exit() == 0
