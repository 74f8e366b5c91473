"""A page in, a Document out: the HTML or text of one article read into its title, authors,
dates, language and body blocks (html_document.parse_html, text_document.parse_text)."""
