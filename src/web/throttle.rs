//! Login throttling: after `limit` failed sign-ins for a user name, or
//! from a client address, further attempts for it are refused for `wait`,
//! whatever the password. A success clears the user's count.
//!
//! Behind a reverse proxy every client has the proxy's address, so the
//! per-address count then throttles everyone together: the per-user count
//! still holds per person.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct Throttle {
    limit: u32,
    wait: Duration,
    entries: Mutex<HashMap<String, Entry>>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    failures: u32,
    last: Instant,
    locked_until: Option<Instant>,
}

/// The keys counted for one attempt: the user name and the address.
pub fn keys(user: &str, addr: &str) -> [String; 2] {
    [format!("user:{}", user.to_lowercase()), format!("addr:{addr}")]
}

impl Throttle {
    pub fn new(limit: u32, wait: Duration) -> Throttle {
        Throttle {
            limit: limit.max(1),
            wait,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// `Err(time left)` while any of `keys` is locked out.
    pub fn check(&self, keys: &[String]) -> Result<(), Duration> {
        let now = Instant::now();
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let left = keys
            .iter()
            .filter_map(|k| entries.get(k).and_then(|e| e.locked_until))
            .filter(|until| *until > now)
            .map(|until| until - now)
            .max();
        match left {
            Some(d) => Err(d),
            None => Ok(()),
        }
    }

    pub fn fail(&self, keys: &[String]) {
        let now = Instant::now();
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() > 10_000 {
            let wait = self.wait;
            entries.retain(|_, e| now.duration_since(e.last) < wait.max(Duration::from_secs(600)));
        }
        for k in keys {
            let e = entries.entry(k.clone()).or_insert(Entry {
                failures: 0,
                last: now,
                locked_until: None,
            });
            if e.locked_until.is_some_and(|u| u <= now) {
                e.locked_until = None;
                e.failures = 0;
            }
            e.failures += 1;
            e.last = now;
            if e.failures >= self.limit {
                e.locked_until = Some(now + self.wait);
            }
        }
    }

    pub fn succeed(&self, user_key: &str) {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).remove(user_key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_locks_then_the_wait_unlocks() {
        let t = Throttle::new(3, Duration::from_millis(50));
        let k = keys("Ana", "127.0.0.1");
        for _ in 0..2 {
            t.fail(&k);
            assert!(t.check(&k).is_ok());
        }
        t.fail(&k);
        assert!(t.check(&k).is_err());
        assert!(
            t.check(&keys("ana", "10.0.0.9")).is_err(),
            "the user is locked from any address"
        );
        assert!(
            t.check(&keys("bob", "127.0.0.1")).is_err(),
            "the address is locked for any user"
        );
        assert!(t.check(&keys("bob", "10.0.0.9")).is_ok());
        std::thread::sleep(Duration::from_millis(60));
        assert!(t.check(&k).is_ok());
    }
}
