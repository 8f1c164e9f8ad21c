//! The indicators of `demo.json`: what the newsletters count, with the
//! dimensions their figures are broken down by.

use super::Builder;
use crate::core::model::Dimension;
use crate::core::value::Unit;

pub(super) fn indicators(b: &mut Builder) {
    use Dimension::{Gender as G, Municipality as M, Referrer as R};
    b.indicator(
        "demo-ind-deltagare",
        "Deltagare",
        Unit::Count,
        "Personer som fått individuellt anpassat stöd under perioden.",
        ("", ""),
        &[G, M],
        false,
    );
    b.indicator(
        "demo-ind-kon",
        "Könsfördelning bland deltagarna",
        Unit::Percent,
        "Andel av deltagarna per kön.",
        ("deltagare av respektive kön", "samtliga deltagare"),
        &[G],
        false,
    );
    b.indicator(
        "demo-ind-konsultation",
        "Myndighetsgemensamma konsultationer",
        Unit::Count,
        "Personer som fått myndighetsgemensam konsultation via Resursråden.",
        ("", ""),
        &[M],
        true,
    );
    b.indicator(
        "demo-ind-arbete-antal",
        "Började arbeta eller studera",
        Unit::Count,
        "Personer som började arbeta eller studera när de avslutade sitt deltagande.",
        ("", ""),
        &[G, M],
        false,
    );
    b.indicator(
        "demo-ind-arbete",
        "Andel till arbete eller studier",
        Unit::Percent,
        "Andel som började arbeta eller studera.",
        (
            "började arbeta eller studera",
            "samtliga som avslutade sitt deltagande",
        ),
        &[G, M],
        false,
    );
    b.indicator(
        "demo-ind-ordinarie",
        "Andel till ordinarie insatser",
        Unit::Percent,
        "Andel som gick vidare till Arbetsförmedlingens eller kommunernas ordinarie insatser.",
        ("gick vidare till ordinarie insatser", "samtliga deltagare"),
        &[M],
        false,
    );
    b.indicator(
        "demo-ind-nya",
        "Nya deltagare",
        Unit::Count,
        "Personer som påbörjade en insats under perioden.",
        ("", ""),
        &[M, R],
        true,
    );
    b.indicator(
        "demo-ind-nya-fordelning",
        "Fördelning av nya deltagare",
        Unit::Percent,
        "Andel av de nya deltagarna per kommun eller remittent.",
        ("nya deltagare i gruppen", "samtliga nya deltagare"),
        &[M, R],
        false,
    );
    b.indicator(
        "demo-ind-egen",
        "Andel egenanmälningar",
        Unit::Percent,
        "Andel av de nya deltagarna som anmält sig själva.",
        ("egenanmälda nya deltagare", "samtliga nya deltagare"),
        &[M],
        false,
    );
}
