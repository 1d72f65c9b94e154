"""Widgets and helpers every screen uses: errors, fonts, style, tables, PDF export."""
