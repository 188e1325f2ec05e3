//! The people who may use `logframe serve`: names, roles, the frameworks
//! (and countries) each may see, the language of their pages, and their
//! passwords as argon2id PHC hashes, never as text.
//!
//! They live in `.logframe/users.yaml` in the workspace folder, written by
//! the serialiser through `output::write_private_file`: atomically and
//! readable by its owner alone (0600).

use std::path::{Path, PathBuf};

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;
use crate::load::countries;

/// The folder of the server's own files, in the workspace folder.
pub const STATE_DIR: &str = ".logframe";
pub const USERS_FILE: &str = "users.yaml";

/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 10;

/// What a user may do. Each role can do what the roles before it in this
/// list can, except that only an admin manages users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads dashboards and downloads reports (e.g. a donor officer)
    Viewer,
    /// Enters values for the frameworks (and countries) assigned
    Enterer,
    /// Also approves or rejects entered values
    Approver,
    /// Everything, every framework, and the users
    Admin,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Enterer => "enterer",
            Role::Approver => "approver",
            Role::Admin => "admin",
        }
    }

    pub fn can(self, p: Permission) -> bool {
        match p {
            Permission::Read => true,
            Permission::Enter => self >= Role::Enterer,
            Permission::Approve => self >= Role::Approver,
            Permission::ManageUsers => self == Role::Admin,
        }
    }
}

/// What a route asks of its user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    Read,
    Enter,
    Approve,
    ManageUsers,
}

/// The language of a user's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UiLang {
    #[default]
    En,
    Fr,
    Es,
}

impl UiLang {
    pub fn code(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Fr => "fr",
            UiLang::Es => "es",
        }
    }

    pub fn report_lang(self) -> crate::locale::Lang {
        use crate::locale::Lang;
        match self {
            UiLang::En => Lang::En,
            UiLang::Fr => Lang::Fr,
            UiLang::Es => Lang::Es,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    pub name: String,
    pub role: Role,
    #[serde(default)]
    pub lang: UiLang,
    /// The frameworks this user may see; empty: every framework.
    #[serde(default)]
    pub frameworks: Vec<String>,
    /// The countries this user enters values for; empty: every country.
    #[serde(default)]
    pub countries: Vec<String>,
    /// argon2id PHC string.
    pub password_hash: String,
}

impl User {
    /// Whether the user may see the framework folder `name`.
    pub fn sees(&self, framework: &str) -> bool {
        self.role == Role::Admin || self.frameworks.is_empty() || self.frameworks.iter().any(|f| f == framework)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Users {
    #[serde(default)]
    pub users: Vec<User>,
}

impl Users {
    pub fn path(root: &Path) -> PathBuf {
        root.join(STATE_DIR).join(USERS_FILE)
    }

    /// The users file of the workspace at `root`; none yet is no users.
    pub fn load(root: &Path) -> Result<Users, Diagnostic> {
        let path = Users::path(root);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Users::default()),
            Err(e) => {
                return Err(Diagnostic::error(format!("cannot read {}: {e}", path.display()))
                    .hint("check the file's permissions: it should belong to the user running logframe"));
            }
        };
        serde_saphyr::from_str(&text).map_err(|e| {
            Diagnostic::error(format!("{} is not a valid users file", path.display()))
                .expected("`users:` with name, role, lang, frameworks, countries, password_hash")
                .found(e.to_string())
                .hint("the file is written by `logframe user`; restore it from a backup or fix the entry named")
        })
    }

    pub fn save(&self, root: &Path) -> Result<PathBuf, Diagnostic> {
        let text = serde_saphyr::to_string(self)
            .map_err(|e| Diagnostic::error(format!("cannot write the users file: {e}")))?;
        crate::output::write_private_file(&root.join(STATE_DIR), USERS_FILE, text.as_bytes())
    }

    pub fn find(&self, name: &str) -> Option<&User> {
        self.users.iter().find(|u| u.name == name)
    }

    pub fn find_mut(&mut self, name: &str) -> Option<&mut User> {
        self.users.iter_mut().find(|u| u.name == name)
    }

    /// The user `name`, or an error naming the known users.
    pub fn require(&self, name: &str) -> Result<&User, Diagnostic> {
        self.find(name).ok_or_else(|| self.unknown(name))
    }

    pub fn unknown(&self, name: &str) -> Diagnostic {
        let names: Vec<&str> = self.users.iter().map(|u| u.name.as_str()).collect();
        Diagnostic::error(format!("no user `{name}`"))
            .expected("the name of a user in .logframe/users.yaml")
            .found(format!("`{name}`"))
            .hint(
                crate::diag::did_you_mean(name, names.iter().copied()).unwrap_or_else(|| {
                    if names.is_empty() {
                        "add one with `logframe user add NAME --role admin`".into()
                    } else {
                        format!("known users: {}", names.join(", "))
                    }
                }),
            )
    }
}

/// A user name: 1 to 64 letters, digits, `.`, `_`, `-`, starting with a
/// letter or digit (it appears in URLs, logs and the ledger's `by` column).
pub fn check_name(name: &str) -> Result<(), Diagnostic> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(Diagnostic::error(format!("`{name}` is not a usable user name"))
            .expected("1 to 64 ASCII letters, digits, `.`, `_` or `-`, starting with a letter or digit")
            .found(format!("`{name}`"))
            .hint("e.g. `maria.lopez` or `gt-officer`"))
    }
}

/// A country a user is limited to: an ISO 3166-1 alpha-2 code.
pub fn check_country(code: &str) -> Result<(), Diagnostic> {
    if countries::is_country(code) {
        return Ok(());
    }
    let upper = code.to_ascii_uppercase();
    let hint = if countries::is_country(&upper) {
        format!("codes are upper case: `{upper}`")
    } else {
        crate::diag::did_you_mean(&upper, countries::all()).unwrap_or_else(|| "e.g. GT, HN, MX".into())
    };
    Err(
        Diagnostic::error(format!("`{code}` is not an ISO 3166-1 alpha-2 country code"))
            .expected("a two-letter code such as GT")
            .found(format!("`{code}`"))
            .hint(hint),
    )
}

pub fn check_password(password: &str) -> Result<(), Diagnostic> {
    let n = password.chars().count();
    if n >= MIN_PASSWORD {
        Ok(())
    } else {
        Err(Diagnostic::error("the password is too short")
            .expected(format!("at least {MIN_PASSWORD} characters"))
            .found(format!("{n} characters"))
            .hint("a few unrelated words make a long password that is easy to type"))
    }
}

/// An argon2id PHC string for `password`, with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, Diagnostic> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| Diagnostic::error(format!("cannot hash the password: {e}")))
}

/// Whether `password` is the user's. Without a user, a hash is still
/// verified, so that an unknown name takes as long as a wrong password.
pub fn verify_password(user: Option<&User>, password: &str) -> bool {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let phc = match user {
        Some(u) => u.password_hash.as_str(),
        None => DUMMY.get_or_init(|| hash_password("not a password of anyone").unwrap_or_default()),
    };
    let ok = PasswordHash::new(phc).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok());
    ok && user.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_by_what_they_may_do() {
        assert!(Role::Viewer.can(Permission::Read));
        assert!(!Role::Viewer.can(Permission::Enter));
        assert!(Role::Enterer.can(Permission::Enter));
        assert!(!Role::Enterer.can(Permission::Approve));
        assert!(Role::Approver.can(Permission::Approve));
        assert!(!Role::Approver.can(Permission::ManageUsers));
        assert!(Role::Admin.can(Permission::ManageUsers));
    }

    #[test]
    fn a_hash_verifies_its_password_only() {
        let h = hash_password("correct horse battery").expect("hash");
        assert!(h.starts_with("$argon2id$"), "{h}");
        let u = User {
            name: "a".into(),
            role: Role::Viewer,
            lang: UiLang::En,
            frameworks: vec![],
            countries: vec![],
            password_hash: h,
        };
        assert!(verify_password(Some(&u), "correct horse battery"));
        assert!(!verify_password(Some(&u), "correct horse batter"));
        assert!(!verify_password(None, "not a password of anyone"));
    }

    #[test]
    fn names_and_countries_are_checked() {
        assert!(check_name("maria.lopez").is_ok());
        for bad in ["", "-x", "a b", "../x", "é", &"x".repeat(65)] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        assert!(check_country("GT").is_ok());
        let d = check_country("gt").unwrap_err();
        assert_eq!(d.hint.as_deref(), Some("codes are upper case: `GT`"));
        assert!(check_country("UK").is_err());
    }
}
