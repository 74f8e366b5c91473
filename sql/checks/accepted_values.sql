-- Enumerations hold only their documented values.
select 'quotes.kind' as field, kind as value from quotes where kind not in ('direct', 'partial', 'indirect')
union all
select 'quotes.stance', stance from quotes where stance not in ('support', 'oppose', 'neutral')
union all
select 'agreements.relation', relation from agreements where relation not in ('agree', 'disagree')
union all
select 'agreements.kind', kind from agreements
where kind not in ('agree', 'endorse', 'disagree', 'reject', 'criticize')
union all
select 'agreements.level', level from agreements where level not in ('person', 'country', 'party')
union all
select 'pair_agreement.level', level from pair_agreement where level not in ('person', 'country', 'party')
union all
select 'pair_agreement.verdict', verdict from pair_agreement where verdict not in ('agree', 'disagree', 'mixed')
