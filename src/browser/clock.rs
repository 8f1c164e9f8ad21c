//! Time, randomness and this device's identity.
//!
//! Guarantees: stamps from one [`Clock`] strictly increase, even if the
//! system clock jumps back; ids come from the browser's cryptographic random
//! source when it exists.

use super::settings::{self, Key};
use crate::core::ids::{DeviceId, Hlc, RecordId};
use chrono::NaiveDate;
use std::cell::Cell;

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

/// 16 random bytes: from `crypto.getRandomValues`, or `Math.random` where
/// no crypto object exists (very old or unusual hosts).
pub fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
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
    device: DeviceId,
    last: Cell<Hlc>,
}

impl Clock {
    /// A clock for `device` that continues after `seen`, the newest stamp in
    /// storage.
    pub fn new(device: DeviceId, seen: Hlc) -> Clock {
        Clock {
            device,
            last: Cell::new(seen),
        }
    }

    /// The next stamp for a write made now. Tabs of one browser profile
    /// share the device id, so they share the clock too (through
    /// localStorage): no two tabs hand out the same reading.
    pub fn tick(&self) -> Hlc {
        let shared = settings::get(Key::Clock)
            .and_then(|s| {
                let (m, c) = s.split_once('.')?;
                Some(Hlc {
                    millis: m.parse().ok()?,
                    counter: c.parse().ok()?,
                })
            })
            .unwrap_or_default();
        let next = self.last.get().max(shared).tick(now_millis());
        self.last.set(next);
        settings::set(Key::Clock, &format!("{}.{}", next.millis, next.counter));
        next
    }

    /// The last stamp handed out or seen.
    pub fn last(&self) -> Hlc {
        self.last.get()
    }

    /// Moves the clock past a stamp written elsewhere.
    pub fn observe(&self, seen: Hlc) {
        self.last.set(self.last.get().observe(seen));
    }

    /// This device's id.
    pub fn device(&self) -> &DeviceId {
        &self.device
    }
}
