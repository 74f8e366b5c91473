"""A Document in, its statements out: quotation spans, sentences, speaker mentions, reported-speech
frames and sections, joined by statements.attribute into statements with resolved speakers."""
