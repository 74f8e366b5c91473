-- Every statement: direct and partial quotes, and reported speech (kind = 'indirect').
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
    published_date
from stg_quotes
