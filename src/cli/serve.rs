//! `logframe serve`: the web application over every framework under
//! ./frameworks of the current folder. It prints the URL and serves until
//! Ctrl-C. Users are added with `logframe user add`; the session key is
//! made in `.logframe/` on first start.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use clap::Args;

use crate::cli::terminal::{CLEAN, out, usage};
use crate::diag::Diagnostic;
use crate::web::{self, Config, Server};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on. Another than loopback exposes the server:
    /// put a TLS reverse proxy in front and pass --secure-cookies
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Mark the cookies Secure (sent over HTTPS only): for a TLS proxy in front
    #[arg(long)]
    pub secure_cookies: bool,
}

pub fn run(a: ServeArgs) -> i32 {
    let root = Path::new(".");
    let config = Config {
        secure_cookies: a.secure_cookies,
        ..Config::default()
    };
    let server = match Server::open(root, config) {
        Ok(s) => Arc::new(s),
        Err(d) => return usage(d),
    };
    if server.workspace.frameworks().is_empty() {
        eprintln!("warning: no frameworks under ./frameworks: run `logframe serve` from the workspace folder");
    }
    if server.users().users.is_empty() {
        eprintln!("warning: no users yet: add one with `logframe user add NAME --role admin`");
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_io().build() {
        Ok(r) => r,
        Err(e) => return usage(Diagnostic::error(format!("cannot start the server: {e}"))),
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(a.addr).await {
            Ok(l) => l,
            Err(e) => {
                return usage(
                    Diagnostic::error(format!("cannot listen on {}: {e}", a.addr))
                        .expected("a free address and port")
                        .found(a.addr.to_string())
                        .hint("pick another port with --addr 127.0.0.1:8081"),
                );
            }
        };
        let url = listener
            .local_addr()
            .map(|l| format!("http://{l}/"))
            .unwrap_or_else(|_| format!("http://{}/", a.addr));
        out(&format!("logframe serve: {url} (Ctrl-C stops)\n"));
        match web::serve(listener, server).await {
            Ok(()) => CLEAN,
            Err(e) => usage(Diagnostic::error(format!("the server stopped: {e}"))),
        }
    })
}
