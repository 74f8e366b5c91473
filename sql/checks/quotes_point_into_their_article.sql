-- Each statement's offsets select its own words from its article's text (a headline's claim:
-- from its title).
with located as (
    select
        quotes.quote_id,
        articles.article_id,
        quotes.start_char,
        quotes.end_char,
        quotes.text,
        case when quotes.in_title then articles.title else articles.text end as source
    from quotes
    left join articles using (article_id)
)

select quote_id
from located
where article_id is null
    or start_char < 0
    or end_char > length(source)
    or substr(source, start_char + 1, end_char - start_char) <> text
