"""Keys act in the order they were typed, on the widget they were typed at.

Textual hands every key to the widget focused when the key *arrives*, but
runs its (non-priority) binding only after the key has bubbled back up to
the app, against the focus *then*. A burst ("/Moscow" pasted, or sent by
`tmux send-keys`; "Tab j j Enter" typed fast) is all queued for the article
before `/` has opened the search line, so "Moscow" would reach the article
(o = links, c = cut lines), and a key typed before Tab would be read by the
panel. Widgets with this mixin run a key's binding as soon as they take the
key from their own queue, and pass on, in order, the keys that were queued
for them before a binding moved the focus away."""
from __future__ import annotations

from textual import events


class KeysInOrder:
    """Mixin for the focusable widgets of the reading screen (first base)."""

    async def _on_key(self, event: events.Key) -> None:
        screen = self.screen  # type: ignore[attr-defined]
        target = _now_reading_keys(self)
        if target is not self:  # queued here before the focus moved (or a screen opened)
            _settle(event)
            target.post_message(events.Key(event.key, event.character))
            return
        active = screen.active_bindings.get(event.key)
        if active is None or not active.enabled or active.binding.priority:
            return  # the widget's own handling (typing into the search line), as usual
        if await self.app.run_action(active.binding.action, active.node):  # type: ignore[attr-defined]
            _settle(event)

    async def _on_paste(self, event: events.Paste) -> None:
        target = _now_reading_keys(self)
        if target is not self:
            _settle(event)
            target.post_message(events.Paste(event.text))


def _now_reading_keys(widget):
    """Where the app sends keys now: the focused widget of the screen on top
    (a key may have opened another, as ? does), else that screen itself."""
    app = widget.app
    if app.screen is not widget.screen:
        return app.focused or app.screen
    return app.focused or widget


def _settle(event: events.Event) -> None:
    """Handled here: no other handler of this widget's classes, no bubbling."""
    event.prevent_default()
    event.stop()
