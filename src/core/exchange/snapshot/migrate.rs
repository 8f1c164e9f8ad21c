//! Bringing files written by older versions up to the current format.
//!
//! Why: a laptop may bring a file from an app it has not updated in years;
//! each change of the major version adds one pure step here, and the steps
//! run in order, so every old file takes the same path.

use serde_json::Value;

/// One step: rewrites a whole snapshot document of major version `n` into
/// major version `n + 1` (and sets its `version`), or says why it cannot.
pub type Migration = fn(&mut Value) -> Result<(), String>;

/// The steps from major version 1 upwards: entry `i` migrates `i + 1` to
/// `i + 2`. Version 1 is the first format, so the list is empty until the
/// format changes incompatibly.
pub const MIGRATIONS: [Migration; 0] = [];

/// Runs the steps from major version `from` up to the newest that `steps`
/// knows; returns the major version reached.
pub fn migrate(doc: &mut Value, from: u32, steps: &[Migration]) -> Result<u32, (u32, String)> {
    let mut version = from.max(1);
    let first = usize::try_from(version - 1).unwrap_or(usize::MAX);
    for step in steps.iter().skip(first) {
        step(doc).map_err(|e| (version, e))?;
        version += 1;
    }
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rename_title_to_name(doc: &mut Value) -> Result<(), String> {
        let records = doc["records"].as_array_mut().ok_or("no records")?;
        for r in records {
            for body in r.as_object_mut().into_iter().flat_map(|o| o.values_mut()) {
                if let Some(obj) = body.as_object_mut() {
                    if let Some(t) = obj.remove("title") {
                        obj.insert("name".into(), t);
                    }
                }
            }
        }
        doc["version"] = json!("2.0");
        Ok(())
    }

    fn add_marker(doc: &mut Value) -> Result<(), String> {
        doc["version"] = json!("3.0");
        doc["marker"] = json!(true);
        Ok(())
    }

    fn refuse(_: &mut Value) -> Result<(), String> {
        Err("cannot".into())
    }

    #[test]
    fn steps_run_in_order_from_the_files_version() {
        let steps: [Migration; 2] = [rename_title_to_name, add_marker];
        let mut v1 = json!({"version": "1.0", "records": [{"municipality": {"title": "Haninge"}}]});
        assert_eq!(migrate(&mut v1, 1, &steps), Ok(3));
        assert_eq!(v1["records"][0]["municipality"]["name"], "Haninge");
        assert_eq!(v1["marker"], true);
        let mut v2 = json!({"version": "2.0", "records": []});
        assert_eq!(migrate(&mut v2, 2, &steps), Ok(3));
        let mut v3 = json!({"version": "3.0"});
        assert_eq!(migrate(&mut v3, 3, &steps), Ok(3));
    }

    #[test]
    fn a_failing_step_names_its_version() {
        let steps: [Migration; 2] = [add_marker, refuse];
        let mut doc = json!({});
        assert_eq!(migrate(&mut doc, 1, &steps), Err((2, "cannot".into())));
    }

    #[test]
    fn the_current_version_needs_no_step() {
        assert_eq!(MIGRATIONS.len() as u32 + 1, super::super::VERSION.0);
    }
}
