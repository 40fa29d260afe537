"""The Textual UI. Everything here may import textual and rich; nothing in
reader.core imports from here."""
