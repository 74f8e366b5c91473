-- depends on: stg_quotes
-- Every statement: direct and partial quotes, and reported speech (kind = 'indirect'); a
-- headline's claim has in_title, its offsets pointing into the article's title.
select
    quote_id,
    article_id,
    speaker,
    speaker_mention,
    kind,
    text,
    cue,
    sentence,
    topics,
    section,
    start_char,
    end_char,
    stance,
    in_title,
    published_date
from stg_quotes
