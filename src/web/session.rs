//! Sessions: signed, expiring tokens, and the CSRF tokens bound to them.
//!
//! A token is `PAYLOAD.TAG`, both base64url: the payload is JSON (user,
//! a stamp of the user's password hash, expiry, a random nonce, kind) and
//! the tag its HMAC-SHA256 under the server's key. Nothing is kept on the
//! server but the key and the nonces of signed-out sessions until they
//! expire. Changing a user's password or removing the user ends their
//! sessions (the stamp no longer matches).
//!
//! The key is 32 bytes from the OS generator, made on first start in
//! `.logframe/session.key` (0600).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::diag::Diagnostic;
use crate::users::{STATE_DIR, User};

pub const KEY_FILE: &str = "session.key";
const KEY_LEN: usize = 32;

/// Where a token may be used: in the browser's cookie or as a Bearer token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Web,
    Api,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// The user name.
    pub u: String,
    /// A stamp of the user's password hash when the session began.
    pub s: String,
    /// Expiry, seconds since 1970.
    pub exp: i64,
    /// Random, names the session (CSRF tokens and sign-out refer to it).
    pub n: String,
    pub k: Kind,
}

pub struct Keys {
    key: [u8; KEY_LEN],
    /// Nonces of signed-out sessions, with their expiry.
    revoked: Mutex<HashMap<String, i64>>,
}

impl Keys {
    /// The key of the workspace at `root`, made on first start.
    pub fn load_or_create(root: &Path) -> Result<Keys, Diagnostic> {
        let path = root.join(STATE_DIR).join(KEY_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => {
                let key: [u8; KEY_LEN] = bytes.as_slice().try_into().map_err(|_| {
                    Diagnostic::error(format!("{} is not a session key", path.display()))
                        .expected(format!("{KEY_LEN} bytes"))
                        .found(format!("{} bytes", bytes.len()))
                        .hint("delete the file: a new key is made on the next start (everyone signs in again)")
                })?;
                Ok(Keys::from_key(key))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key: [u8; KEY_LEN] = random_bytes()?;
                crate::output::write_private_file(&root.join(STATE_DIR), KEY_FILE, &key)?;
                Ok(Keys::from_key(key))
            }
            Err(e) => Err(Diagnostic::error(format!("cannot read {}: {e}", path.display()))
                .hint("check the file's permissions: it should belong to the user running logframe")),
        }
    }

    pub fn from_key(key: [u8; KEY_LEN]) -> Keys {
        Keys {
            key,
            revoked: Mutex::new(HashMap::new()),
        }
    }

    fn mac(&self, label: &str, data: &[u8]) -> Hmac<Sha256> {
        let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key).expect("HMAC takes a key of any length");
        m.update(label.as_bytes());
        m.update(&[0]);
        m.update(data);
        m
    }

    fn tag(&self, label: &str, data: &[u8]) -> String {
        B64.encode(self.mac(label, data).finalize().into_bytes())
    }

    /// A stamp of the user's password hash: changes when the password does.
    pub fn stamp(&self, user: &User) -> String {
        self.tag("stamp", user.password_hash.as_bytes())[..16].to_string()
    }

    /// A new session for `user`, valid for `ttl_secs` from `now`.
    pub fn issue(&self, user: &User, kind: Kind, now: i64, ttl_secs: i64) -> Result<(String, Claims), Diagnostic> {
        let claims = Claims {
            u: user.name.clone(),
            s: self.stamp(user),
            exp: now + ttl_secs,
            n: nonce()?,
            k: kind,
        };
        let payload = B64.encode(serde_json::to_vec(&claims).expect("claims serialise"));
        let tag = self.tag("session", payload.as_bytes());
        Ok((format!("{payload}.{tag}"), claims))
    }

    /// The claims of a token this key signed, of `kind`, not expired, not
    /// signed out; `None` for anything else. The caller checks the user
    /// and the stamp.
    pub fn verify(&self, token: &str, kind: Kind, now: i64) -> Option<Claims> {
        let (payload, tag) = token.split_once('.')?;
        let tag = B64.decode(tag).ok()?;
        self.mac("session", payload.as_bytes()).verify_slice(&tag).ok()?;
        let claims: Claims = serde_json::from_slice(&B64.decode(payload).ok()?).ok()?;
        let revoked = self.revoked.lock().map(|r| r.contains_key(&claims.n)).unwrap_or(true);
        (claims.k == kind && claims.exp > now && !revoked).then_some(claims)
    }

    /// Sign a session out: its token is refused until it would expire.
    pub fn revoke(&self, claims: &Claims, now: i64) {
        if let Ok(mut r) = self.revoked.lock() {
            r.retain(|_, exp| *exp > now);
            r.insert(claims.n.clone(), claims.exp);
        }
    }

    /// The CSRF token of a session (or of a sign-in form's nonce).
    pub fn csrf(&self, nonce: &str) -> String {
        self.tag("csrf", nonce.as_bytes())
    }

    /// Whether `token` is the CSRF token of `nonce`, compared in constant time.
    pub fn csrf_ok(&self, nonce: &str, token: &str) -> bool {
        B64.decode(token)
            .is_ok_and(|t| self.mac("csrf", nonce.as_bytes()).verify_slice(&t).is_ok())
    }
}

fn random_bytes<const N: usize>() -> Result<[u8; N], Diagnostic> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b)
        .map_err(|e| Diagnostic::error(format!("the operating system gave no random bytes: {e}")))?;
    Ok(b)
}

/// 16 random bytes, base64url.
pub fn nonce() -> Result<String, Diagnostic> {
    Ok(B64.encode(random_bytes::<16>()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::users::{Role, UiLang};

    fn user(hash: &str) -> User {
        User {
            name: "ana".into(),
            role: Role::Viewer,
            lang: UiLang::En,
            frameworks: vec![],
            countries: vec![],
            password_hash: hash.into(),
        }
    }

    #[test]
    fn a_token_verifies_until_it_expires_or_is_revoked() {
        let k = Keys::from_key([7; KEY_LEN]);
        let (t, c) = k.issue(&user("h1"), Kind::Web, 1000, 60).expect("issue");
        assert_eq!(k.verify(&t, Kind::Web, 1059).map(|c| c.u), Some("ana".into()));
        assert!(k.verify(&t, Kind::Web, 1060).is_none(), "expired");
        assert!(k.verify(&t, Kind::Api, 1001).is_none(), "other kind");
        k.revoke(&c, 1001);
        assert!(k.verify(&t, Kind::Web, 1002).is_none(), "revoked");
    }

    #[test]
    fn a_changed_byte_or_another_key_fails() {
        let k = Keys::from_key([7; KEY_LEN]);
        let (t, _) = k.issue(&user("h1"), Kind::Api, 1000, 60).expect("issue");
        let other = Keys::from_key([8; KEY_LEN]);
        assert!(other.verify(&t, Kind::Api, 1001).is_none());
        let (payload, tag) = t.split_once('.').expect("dot");
        let forged = B64.encode(
            String::from_utf8(B64.decode(payload).expect("b64"))
                .expect("utf8")
                .replace("ana", "bob"),
        );
        assert!(k.verify(&format!("{forged}.{tag}"), Kind::Api, 1001).is_none());
        assert_ne!(k.stamp(&user("h1")), k.stamp(&user("h2")));
    }

    #[test]
    fn csrf_tokens_belong_to_their_nonce() {
        let k = Keys::from_key([7; KEY_LEN]);
        let t = k.csrf("n1");
        assert!(k.csrf_ok("n1", &t));
        assert!(!k.csrf_ok("n2", &t));
        assert!(!k.csrf_ok("n1", "garbage"));
    }
}
