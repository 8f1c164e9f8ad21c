//! Time, randomness and this device's identity.
//!
//! Guarantees: stamps from one [`Clock`] strictly increase, even if the
//! system clock jumps back; ids come from the browser's cryptographic random
//! source when it exists.

use super::settings::{self, Key};
use crate::core::clock;
use crate::core::ids::{DeviceId, Hlc, RecordId};
use chrono::NaiveDate;
use std::cell::{Cell, RefCell};

/// Milliseconds since the Unix epoch from the browser's clock.
pub fn now_millis() -> u64 {
    let ms = js_sys::Date::now();
    if ms.is_finite() && ms > 0.0 {
        // Finite and positive: the cast saturates at worst.
        ms as u64
    } else {
        0
    }
}

/// Today's date in the user's time zone.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// How many random bytes are asked of the browser at a time: an import of
/// 100 000 rows takes 200 000 ids and codes, and a call into the browser
/// per id cost more than half a second of it.
const RANDOM_POOL: usize = 4096;

thread_local! {
    /// Random bytes fetched and not yet handed out: the bytes, and how many
    /// of them are handed out.
    static POOL: RefCell<([u8; RANDOM_POOL], usize)> =
        const { RefCell::new(([0; RANDOM_POOL], RANDOM_POOL)) };
}

/// 16 random bytes, never handed out twice: from `crypto.getRandomValues`,
/// or `Math.random` where no crypto object exists (very old or unusual
/// hosts).
pub fn random_bytes() -> [u8; 16] {
    POOL.with_borrow_mut(|(pool, used)| {
        let mut bytes = [0u8; 16];
        if *used + bytes.len() > pool.len() {
            fill_random(pool);
            *used = 0;
        }
        if let Some(fresh) = pool.get(*used..*used + bytes.len()) {
            bytes.copy_from_slice(fresh);
        }
        *used += bytes.len();
        bytes
    })
}

fn fill_random(bytes: &mut [u8]) {
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(bytes).is_ok());
    if !filled {
        for b in bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
}

/// A fresh random participation code (the caller checks it is free).
pub fn new_participation_code() -> String {
    let b = random_bytes();
    crate::core::model::make_code(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// A fresh random record id.
pub fn new_record_id() -> RecordId {
    RecordId::from_random(random_bytes())
}

/// The hybrid logical clock of this device.
#[derive(Debug)]
pub struct Clock {
    device: RefCell<DeviceId>,
    last: Cell<Hlc>,
}

/// The shared reading in settings: `millis.counter.device` (older
/// versions wrote `millis.counter`, read as this device's).
fn shared_reading(device: &DeviceId) -> Hlc {
    settings::get(Key::Clock)
        .and_then(|s| {
            let mut parts = s.splitn(3, '.');
            let millis = parts.next()?.parse().ok()?;
            let counter = parts.next()?.parse().ok()?;
            let same_device = parts.next().is_none_or(|d| d == device.as_str());
            same_device.then_some(Hlc { millis, counter })
        })
        .unwrap_or_default()
}

fn save_shared(device: &DeviceId, hlc: Hlc) {
    settings::set(
        Key::Clock,
        &format!("{}.{}.{}", hlc.millis, hlc.counter, device.as_str()),
    );
}

impl Clock {
    /// This device's clock, continuing after `stored`, the newest stamp in
    /// storage (followed at most [`clock::FOLLOW_MILLIS`] ahead of the wall
    /// clock), and after every reading its tabs handed out. Returns `true`
    /// as its second value when the device had to continue under a new
    /// device id because its readings lie far ahead of the wall clock (see
    /// [`clock::start`]).
    pub fn start(stored: Hlc) -> (Clock, bool) {
        let now = now_millis();
        let device = settings::device_id();
        let handed_out = shared_reading(&device);
        match clock::start(handed_out, now) {
            clock::Start::Continue(last) => {
                let clock = Clock {
                    device: RefCell::new(device),
                    last: Cell::new(last.max(clock::followable(stored, now))),
                };
                (clock, false)
            }
            clock::Start::NewDevice => {
                let clock = Clock {
                    device: RefCell::new(device),
                    last: Cell::new(clock::followable(stored, now)),
                };
                clock.new_device();
                (clock, true)
            }
        }
    }

    /// A clock for `device` that continues after `seen` (tests).
    pub fn new(device: DeviceId, seen: Hlc) -> Clock {
        Clock {
            device: RefCell::new(device),
            last: Cell::new(seen),
        }
    }

    /// The next stamp for a write made now. Tabs of one browser profile
    /// share the device id, so they share the clock too (through
    /// localStorage): no two tabs hand out the same reading.
    pub fn tick(&self) -> Hlc {
        self.take(1)
    }

    /// The stamps of one write of `n` records made now, taken together:
    /// each after the one before, and the clock shared with the other
    /// tabs read and saved once for all of them (reading and saving it per
    /// record took 4 of the 7 seconds of storing 100 000 participations).
    pub fn ticks(&self, n: usize) -> impl Iterator<Item = Hlc> {
        clock::readings(self.take(n), n)
    }

    /// Takes `n` readings (at least one) and returns the first of them.
    fn take(&self, n: usize) -> Hlc {
        let device = self.device();
        let shared = shared_reading(&device);
        let first = self.last.get().max(shared).tick(now_millis());
        let last = clock::readings(first, n.max(1)).last().unwrap_or(first);
        self.last.set(last);
        save_shared(&device, last);
        first
    }

    /// The last stamp handed out or seen.
    pub fn last(&self) -> Hlc {
        self.last.get().max(shared_reading(&self.device()))
    }

    /// The last stamp this tab handed out or saw, without reading what the
    /// other tabs handed out: for a record not yet written, whose stamp is
    /// replaced when it is (an import makes one per row).
    pub fn last_here(&self) -> Hlc {
        self.last.get()
    }

    /// Moves the clock past a stamp written elsewhere, but never more than
    /// [`clock::FOLLOW_MILLIS`] ahead of the wall clock.
    pub fn observe(&self, seen: Hlc) {
        let followed = clock::followable(seen, now_millis());
        self.last.set(self.last.get().max(followed));
    }

    /// This device's id.
    pub fn device(&self) -> DeviceId {
        self.device.borrow().clone()
    }

    /// Continues under a new random device id (saved for this browser
    /// profile), its clock starting afresh: after the wall clock was set
    /// back, or when another machine turned out to write under this id.
    pub fn new_device(&self) -> DeviceId {
        let id = DeviceId::from_random(random_bytes());
        settings::set(Key::Device, id.as_str());
        self.device.replace(id.clone());
        let fresh = clock::followable(Hlc::default(), now_millis());
        self.last.set(fresh);
        save_shared(&id, fresh);
        id
    }
}
