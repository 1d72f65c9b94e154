"""PreviewUnavailable: why the print preview cannot open (no printer, a PDF PDFium cannot
read), in words for the clerk; ExportBar then hands the file to the system's viewer. Its own
module: the exporter (pdf_export.py) and the preview (print_preview.py) both name it, and the
exporter loads the preview only when the first one opens."""


class PreviewUnavailable(Exception):
    pass
