//! `logframe user`: the people who may sign in to `logframe serve`,
//! kept in `.logframe/users.yaml` of the workspace folder (the current
//! folder, the one holding ./frameworks).
//!
//! A password is read from standard input: prompted for twice without
//! echo on a terminal, else one line (so a script can pipe it in).

use std::io::{BufRead, IsTerminal};
use std::path::Path;

use clap::{Args, Subcommand};

use super::formats::LangArg;
use crate::cli::terminal::{CLEAN, FINDINGS, out, usage};
use crate::diag::Diagnostic;
use crate::users::{self, Role, UiLang, User, Users};
use crate::workspace;

#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Add a user; the password is read from standard input
    Add(AddArgs),
    /// List the users with their roles and frameworks
    List,
    /// Remove a user
    Remove { name: String },
    /// Set a new password; it is read from standard input
    Passwd { name: String },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    pub name: String,
    #[arg(long, value_enum)]
    pub role: RoleArg,
    /// A framework the user may see (repeat for more; none: every framework)
    #[arg(long = "framework", value_name = "FW")]
    pub frameworks: Vec<String>,
    /// A country the user enters values for, ISO 3166-1 alpha-2 (repeat for more; none: every country)
    #[arg(long = "country", value_name = "CC")]
    pub countries: Vec<String>,
    /// The language of the user's pages
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

/// `--role`, as the flag spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RoleArg {
    /// Reads dashboards and downloads reports (e.g. a donor officer)
    Viewer,
    /// Enters values for the frameworks (and countries) assigned
    Enterer,
    /// Also approves or rejects entered values
    Approver,
    /// Everything, every framework, and the users
    Admin,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Role {
        match r {
            RoleArg::Viewer => Role::Viewer,
            RoleArg::Enterer => Role::Enterer,
            RoleArg::Approver => Role::Approver,
            RoleArg::Admin => Role::Admin,
        }
    }
}

fn ui_lang(l: LangArg) -> UiLang {
    match l {
        LangArg::En => UiLang::En,
        LangArg::Fr => UiLang::Fr,
        LangArg::Es => UiLang::Es,
    }
}

pub fn run(action: UserAction) -> i32 {
    let root = Path::new(".");
    let result = match action {
        UserAction::Add(a) => add(root, a),
        UserAction::List => list(root),
        UserAction::Remove { name } => remove(root, &name),
        UserAction::Passwd { name } => passwd(root, &name),
    };
    match result {
        Ok(()) => CLEAN,
        Err(Failure::Usage(d)) => usage(d),
        Err(Failure::File(d)) => {
            usage(d);
            FINDINGS
        }
    }
}

/// Why a `user` command wrote nothing: a wrong argument or password (2),
/// or a users file that does not read (1).
enum Failure {
    Usage(Diagnostic),
    File(Diagnostic),
}

fn load(root: &Path) -> Result<Users, Failure> {
    Users::load(root).map_err(Failure::File)
}

fn save(root: &Path, u: &Users) -> Result<(), Failure> {
    u.save(root).map(|_| ()).map_err(Failure::Usage)
}

fn add(root: &Path, a: AddArgs) -> Result<(), Failure> {
    users::check_name(&a.name).map_err(Failure::Usage)?;
    let mut all = load(root)?;
    if let Some(u) = all.users.iter().find(|u| u.name.eq_ignore_ascii_case(&a.name)) {
        return Err(Failure::Usage(
            Diagnostic::error(format!("user `{}` already exists", u.name))
                .expected("a new name")
                .found(format!("`{}` ({})", u.name, u.role.name()))
                .hint(format!(
                    "`logframe user passwd {}` sets a new password; `user remove` then `user add` changes the role",
                    u.name
                )),
        ));
    }
    let known: Vec<String> = workspace::list_frameworks(&root.join("frameworks"))
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    for fw in &a.frameworks {
        if !known.contains(fw) {
            return Err(Failure::Usage(
                Diagnostic::error(format!("no framework `{fw}` under ./frameworks"))
                    .expected("the folder name of a framework")
                    .found(format!("`{fw}`"))
                    .hint(
                        crate::diag::did_you_mean(fw, known.iter().map(String::as_str)).unwrap_or_else(|| {
                            if known.is_empty() {
                                "run from the workspace folder, the one holding ./frameworks".into()
                            } else {
                                format!("known frameworks: {}", known.join(", "))
                            }
                        }),
                    ),
            ));
        }
    }
    for c in &a.countries {
        users::check_country(c).map_err(Failure::Usage)?;
    }
    let password = read_password()?;
    let hash = users::hash_password(&password).map_err(Failure::Usage)?;
    let mut frameworks = a.frameworks;
    frameworks.sort();
    frameworks.dedup();
    let mut countries = a.countries;
    countries.sort();
    countries.dedup();
    all.users.push(User {
        name: a.name.clone(),
        role: a.role.into(),
        lang: ui_lang(a.lang),
        frameworks,
        countries,
        password_hash: hash,
    });
    save(root, &all)?;
    out(&format!("added {} ({})\n", a.name, Role::from(a.role).name()));
    Ok(())
}

fn list(root: &Path) -> Result<(), Failure> {
    let all = load(root)?;
    if all.users.is_empty() {
        out("no users yet: add one with `logframe user add NAME --role admin`\n");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = all
        .users
        .iter()
        .map(|u| {
            let every = |v: &[String], what: &str| if v.is_empty() { what.to_string() } else { v.join(" ") };
            vec![
                u.name.clone(),
                u.role.name().to_string(),
                u.lang.code().to_string(),
                if u.role == Role::Admin {
                    "all".into()
                } else {
                    every(&u.frameworks, "all")
                },
                every(&u.countries, "all"),
            ]
        })
        .collect();
    let header = ["user", "role", "lang", "frameworks", "countries"];
    out(&crate::format::columns(&header, &rows, &[false; 5]));
    Ok(())
}

fn remove(root: &Path, name: &str) -> Result<(), Failure> {
    let mut all = load(root)?;
    let user = all.require(name).map_err(Failure::Usage)?;
    let admins = all.users.iter().filter(|u| u.role == Role::Admin).count();
    if user.role == Role::Admin && admins == 1 {
        return Err(Failure::Usage(
            Diagnostic::error(format!("`{name}` is the last admin"))
                .expected("another admin left after the removal")
                .found("one admin")
                .hint("add another admin first with `logframe user add NAME --role admin`"),
        ));
    }
    all.users.retain(|u| u.name != name);
    save(root, &all)?;
    out(&format!("removed {name}\n"));
    Ok(())
}

fn passwd(root: &Path, name: &str) -> Result<(), Failure> {
    let mut all = load(root)?;
    all.require(name).map_err(Failure::Usage)?;
    let password = read_password()?;
    let hash = users::hash_password(&password).map_err(Failure::Usage)?;
    if let Some(u) = all.find_mut(name) {
        u.password_hash = hash;
    }
    save(root, &all)?;
    out(&format!("password of {name} changed; its open sessions end\n"));
    Ok(())
}

/// The password: prompted for twice on a terminal, else one line of stdin.
fn read_password() -> Result<String, Failure> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("password: ").map_err(|e| Failure::Usage(cannot_read(e)))?;
        let again = rpassword::prompt_password("again: ").map_err(|e| Failure::Usage(cannot_read(e)))?;
        if first != again {
            return Err(Failure::Usage(
                Diagnostic::error("the two passwords differ")
                    .expected("the same password twice")
                    .found("two different ones")
                    .hint("run the command again"),
            ));
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Failure::Usage(cannot_read(e)))?;
        line.trim_end_matches(['\n', '\r']).to_string()
    };
    users::check_password(&password).map_err(Failure::Usage)?;
    Ok(password)
}

fn cannot_read(e: std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot read the password: {e}"))
        .hint("type it at the prompt, or pipe it in: `printf '%s\\n' \"$PW\" | logframe user add ...`")
}
