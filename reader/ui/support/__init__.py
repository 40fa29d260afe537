"""Pure helpers the widgets build on (wrapping, page layout, panel items, dates,
search). They import no Textual, so they are unit-tested on plain data."""
