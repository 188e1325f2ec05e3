use clap::Parser;

fn main() {
    let cli = logframe::cli::Cli::parse();
    let code = logframe::cli::run(cli);
    std::process::exit(code);
}
