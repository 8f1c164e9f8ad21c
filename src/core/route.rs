//! The app's addresses: which page a URL shows, and the URL of each page.
//!
//! Guarantees: every address parses to exactly one [`Route`] (unknown ones to
//! [`Route::NotFound`], never an error), ids in addresses are checked, and
//! `Route::parse(route.href())` gives the route back, so links, bookmarks and
//! reloads all land on the same page.

use crate::core::goals::Focus;
use crate::core::ids::RecordId;
use crate::core::model::Scope;
use crate::core::period::Period;

/// One page of the app.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    /// Måluppfyllelse, optionally for a given period and focus.
    Board {
        /// The period in the address, if any.
        period: Option<Period>,
        /// The focus in the address, if any.
        focus: Option<Focus>,
    },
    /// All projects.
    Projects,
    Project(RecordId),
    /// All insatser.
    Insatser,
    Insats(RecordId),
    /// All indicators.
    Indicators,
    Indicator(RecordId),
    /// Participations: entry, CSV import and export, and the flow.
    Participants,
    /// Frukostmöten: lists, calendar, attendance, quick entry.
    Meetings,
    /// One frukostmöte.
    Meeting(RecordId),
    /// Checking guests in at one frukostmöte.
    CheckIn(RecordId),
    /// Lediga platser: the board, reports and occupancy.
    Slots,
    /// The newsletter block.
    Newsletter,
    /// The saved presentations, and making a new one.
    Presentations,
    /// Editing one presentation.
    Presentation(RecordId),
    /// Showing a presentation full screen, at one slide (0-based; the
    /// address counts from 1, as people do).
    Present {
        /// The presentation.
        id: RecordId,
        /// The slide shown.
        slide: usize,
    },
    /// The printable follow-up report (Uppföljningsrapport) for a period.
    Report {
        /// The period in the address, if any.
        period: Option<Period>,
    },
    /// The förbund, its municipalities and partners.
    Organisation,
    /// Sharing data: snapshot files, import preview and the conflict log.
    Exchange,
    Settings,
    /// The accessibility statement (tillgänglighetsredogörelse).
    Accessibility,
    /// An address that leads nowhere.
    NotFound,
}

/// Decodes `%XX` escapes and `+` in a query value; bad escapes stay as typed.
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|c| (*c as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                // Two hex digits make at most 255.
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of `key` in a query string (with or without its leading `?`).
pub fn query_value(query: &str, key: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| decode(v))
}

/// The path inside the app for a path of the site: `/maltavla/insatser/x`
/// under the base `/maltavla/` is `/insatser/x`; `None` when the path lies
/// outside the app's folder (a link that leaves the app).
pub fn inside_base<'a>(base: &str, path: &'a str) -> Option<&'a str> {
    let folder = base.trim_end_matches('/');
    let rest = path.strip_prefix(folder)?;
    if rest.is_empty() {
        Some("/")
    } else if rest.starts_with('/') {
        Some(rest)
    } else {
        None
    }
}

impl Route {
    /// The app's front page: the board with no period or focus chosen.
    pub const HOME: Route = Route::Board {
        period: None,
        focus: None,
    };

    /// The page of a scope: the board for the whole förbund, else the
    /// project's or insats's page.
    pub fn of_scope(scope: &Scope) -> Route {
        match scope {
            Scope::Forbund => Route::HOME,
            Scope::Project(id) => Route::Project(id.clone()),
            Scope::Insats(id) => Route::Insats(id.clone()),
        }
    }

    /// Whether two routes show the same page: the board with other filters
    /// is still the board. A notice ("Exempeldata inlästa") belongs to the
    /// page it was given on and goes when the user moves to another.
    pub fn same_page(&self, other: &Route) -> bool {
        match (self, other) {
            (Route::Board { .. }, Route::Board { .. }) => true,
            (Route::Report { .. }, Route::Report { .. }) => true,
            (Route::Present { id: a, .. }, Route::Present { id: b, .. }) => a == b,
            _ => self == other,
        }
    }

    /// The page for a path (`/insatser/abc`) and query (`?period=2017`).
    pub fn parse(path: &str, query: &str) -> Route {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let id = |s: &str| RecordId::parse(&decode(s)).ok();
        match segments.as_slice() {
            [] => Route::Board {
                period: query_value(query, "period").and_then(|p| p.parse().ok()),
                focus: query_value(query, "focus").map(|f| Focus::parse(&f)),
            },
            ["projekt"] => Route::Projects,
            ["projekt", p] => id(p).map_or(Route::NotFound, Route::Project),
            ["insatser"] => Route::Insatser,
            ["insatser", i] => id(i).map_or(Route::NotFound, Route::Insats),
            ["indikatorer"] => Route::Indicators,
            ["indikatorer", i] => id(i).map_or(Route::NotFound, Route::Indicator),
            ["organisation"] => Route::Organisation,
            ["deltagare"] => Route::Participants,
            ["frukostmoten"] => Route::Meetings,
            ["frukostmoten", m] => id(m).map_or(Route::NotFound, Route::Meeting),
            ["frukostmoten", m, "incheckning"] => id(m).map_or(Route::NotFound, Route::CheckIn),
            ["lediga-platser"] => Route::Slots,
            ["nyhetsbrev"] => Route::Newsletter,
            ["presentationer"] => Route::Presentations,
            ["presentationer", p] => id(p).map_or(Route::NotFound, Route::Presentation),
            ["presentationer", p, "visa"] => id(p).map_or(Route::NotFound, |id| Route::Present {
                id,
                slide: query_value(query, "bild")
                    .and_then(|n| n.parse::<usize>().ok())
                    .map_or(0, |n| n.saturating_sub(1)),
            }),
            ["rapport"] => Route::Report {
                period: query_value(query, "period").and_then(|p| p.parse().ok()),
            },
            ["installningar"] => Route::Settings,
            ["dela"] => Route::Exchange,
            ["tillganglighet"] => Route::Accessibility,
            _ => Route::NotFound,
        }
    }

    /// The address of the page relative to the app's folder (`insatser/abc`,
    /// `./?period=2017`): the page's `<base href>` turns it into a full
    /// address, so the same links work whether the app is hosted at `/` or
    /// at a subpath such as `/maltavla/`.
    pub fn href(&self) -> String {
        match self {
            Route::Board { period, focus } => {
                let mut parts = Vec::new();
                if let Some(p) = period {
                    parts.push(format!("period={p}"));
                }
                if let Some(f) = focus {
                    parts.push(format!("focus={}", f.code()));
                }
                if parts.is_empty() {
                    "./".into()
                } else {
                    format!("./?{}", parts.join("&"))
                }
            }
            Route::Projects => "projekt".into(),
            Route::Project(id) => format!("projekt/{id}"),
            Route::Insatser => "insatser".into(),
            Route::Insats(id) => format!("insatser/{id}"),
            Route::Indicators => "indikatorer".into(),
            Route::Indicator(id) => format!("indikatorer/{id}"),
            Route::Organisation => "organisation".into(),
            Route::Participants => "deltagare".into(),
            Route::Meetings => "frukostmoten".into(),
            Route::Meeting(id) => format!("frukostmoten/{id}"),
            Route::CheckIn(id) => format!("frukostmoten/{id}/incheckning"),
            Route::Slots => "lediga-platser".into(),
            Route::Newsletter => "nyhetsbrev".into(),
            Route::Presentations => "presentationer".into(),
            Route::Presentation(id) => format!("presentationer/{id}"),
            Route::Present { id, slide } => format!("presentationer/{id}/visa?bild={}", slide + 1),
            Route::Report { period: Some(p) } => format!("rapport?period={p}"),
            Route::Report { period: None } => "rapport".into(),
            Route::Settings => "installningar".into(),
            Route::Exchange => "dela".into(),
            Route::Accessibility => "tillganglighet".into(),
            Route::NotFound => "finns-inte".into(),
        }
    }

    /// The main-menu section a page belongs to, for marking the current item.
    pub fn section(&self) -> Route {
        match self {
            Route::Board { .. } => Route::HOME,
            Route::Project(_) => Route::Projects,
            Route::Insats(_) => Route::Insatser,
            Route::Indicator(_) => Route::Indicators,
            Route::Meeting(_) | Route::CheckIn(_) => Route::Meetings,
            Route::Presentation(_) | Route::Present { .. } => Route::Presentations,
            Route::Report { .. } => Route::Report { period: None },
            other => other.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> RecordId {
        RecordId::parse(s).unwrap()
    }

    #[test]
    fn the_board_with_other_filters_is_the_same_page() {
        let board = Route::Board {
            period: None,
            focus: None,
        };
        let filtered = Route::Board {
            period: Some(Period::year_clamped(2018)),
            focus: None,
        };
        assert!(board.same_page(&filtered));
        assert!(!board.same_page(&Route::Exchange));
        assert!(Route::Insats(id("a")).same_page(&Route::Insats(id("a"))));
        assert!(!Route::Insats(id("a")).same_page(&Route::Insats(id("b"))));
    }

    #[test]
    fn a_scope_links_to_the_board_or_its_project_or_insats_page() {
        assert_eq!(Route::of_scope(&Scope::Forbund).href(), Route::HOME.href());
        assert_eq!(
            Route::of_scope(&Scope::Project(id("p1"))),
            Route::Project(id("p1"))
        );
        assert_eq!(
            Route::of_scope(&Scope::Insats(id("i1"))),
            Route::Insats(id("i1"))
        );
    }

    #[test]
    fn every_page_round_trips_through_its_address() {
        let routes = [
            Route::Board {
                period: None,
                focus: None,
            },
            Route::Board {
                period: Some("2017-04-01..2020-08-31".parse().unwrap()),
                focus: Some(Focus::Project(id("demo-mia"))),
            },
            Route::Board {
                period: Some(Period::half(2018, 1).unwrap()),
                focus: Some(Focus::All),
            },
            Route::Projects,
            Route::Project(id("p1")),
            Route::Insatser,
            Route::Insats(id("i_1-x")),
            Route::Exchange,
            Route::Indicators,
            Route::Indicator(id("demo-ind-arbete")),
            Route::Organisation,
            Route::Participants,
            Route::Settings,
            Route::Meetings,
            Route::Meeting(id("demo-fm-2018-09-28")),
            Route::CheckIn(id("m1")),
            Route::Slots,
            Route::Newsletter,
            Route::Presentations,
            Route::Presentation(id("demo-pres-2017")),
            Route::Present {
                id: id("demo-pres-2017"),
                slide: 0,
            },
            Route::Present {
                id: id("p2"),
                slide: 11,
            },
            Route::Report { period: None },
            Route::Report {
                period: Some(Period::half(2018, 1).unwrap()),
            },
            Route::Accessibility,
        ];
        for base in ["/", "/maltavla/", "/a/b/"] {
            for r in routes.clone() {
                // What the browser makes of a relative link under <base href>.
                let href = r.href();
                let full = format!("{base}{}", href.trim_start_matches("./"));
                let (path, query) = full.split_once('?').unwrap_or((&full, ""));
                let inside = inside_base(base, path).unwrap();
                assert_eq!(Route::parse(inside, query), r, "{base} {href}");
            }
        }
    }

    #[test]
    fn paths_outside_the_apps_folder_are_not_the_apps() {
        assert_eq!(inside_base("/", "/insatser"), Some("/insatser"));
        assert_eq!(inside_base("/maltavla/", "/maltavla"), Some("/"));
        assert_eq!(inside_base("/maltavla/", "/maltavla/dela"), Some("/dela"));
        assert_eq!(inside_base("/maltavla/", "/maltavlan/dela"), None);
        assert_eq!(inside_base("/maltavla/", "/other/"), None);
    }

    #[test]
    fn unknown_addresses_and_bad_ids_lead_to_not_found() {
        assert_eq!(Route::parse("/nope", ""), Route::NotFound);
        assert_eq!(Route::parse("/insatser/<script>", ""), Route::NotFound);
        assert_eq!(Route::parse("/insatser/a/b", ""), Route::NotFound);
        assert_eq!(Route::parse("/insatser/", ""), Route::Insatser);
        // A slide number that is no number shows the first slide.
        assert_eq!(
            Route::parse("/presentationer/p/visa", "bild=x"),
            Route::Present {
                id: id("p"),
                slide: 0
            }
        );
        assert_eq!(
            Route::parse("/presentationer/p/visa", "bild=0"),
            Route::Present {
                id: id("p"),
                slide: 0
            }
        );
    }

    #[test]
    fn queries_are_decoded_and_bad_values_ignored() {
        let r = Route::parse("/", "?period=2018&focus=project%3Ademo-mia");
        assert_eq!(
            r,
            Route::Board {
                period: Some(Period::year(2018).unwrap()),
                focus: Some(Focus::Project(id("demo-mia")))
            }
        );
        let bad = Route::parse("/", "period=20x8&focus=%zz");
        assert_eq!(
            bad,
            Route::Board {
                period: None,
                focus: Some(Focus::All)
            }
        );
        assert_eq!(query_value("a=1&b=x+y", "b").as_deref(), Some("x y"));
    }

    #[test]
    fn the_front_page_is_the_apps_folder_itself() {
        assert_eq!(Route::HOME.href(), "./");
        assert_eq!(Route::parse("/", ""), Route::HOME);
    }

    #[test]
    fn the_accessibility_statement_has_a_swedish_address_of_its_own() {
        assert_eq!(Route::Accessibility.href(), "tillganglighet");
        assert_eq!(Route::parse("/tillganglighet", ""), Route::Accessibility);
        assert_eq!(Route::Accessibility.section(), Route::Accessibility);
    }

    #[test]
    fn detail_pages_belong_to_their_list_in_the_menu() {
        assert_eq!(Route::Insats(id("x")).section(), Route::Insatser);
        assert_eq!(Route::CheckIn(id("x")).section(), Route::Meetings);
    }
}
