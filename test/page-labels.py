"""Prints each page's label (as the viewer shows it) and text, read with PyMuPDF, as JSON: [[label, text], ...]."""
import json
import sys

import fitz  # python3-fitz (PyMuPDF)

with fitz.open(sys.argv[1]) as doc:
    print(json.dumps([[page.get_label(), page.get_text()] for page in doc]))
