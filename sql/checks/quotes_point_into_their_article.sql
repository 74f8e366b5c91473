-- Each statement's offsets select its own words from its article's text.
select quotes.quote_id
from quotes
left join articles using (article_id)
where articles.article_id is null
    or quotes.start_char < 0
    or quotes.end_char > length(articles.text)
    or substr(articles.text, quotes.start_char + 1, quotes.end_char - quotes.start_char) <> quotes.text
