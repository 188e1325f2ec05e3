use clap::Parser;

fn main() {
    let cli = logframe::cli::Cli::parse();
    let code = logframe::app::run(cli);
    std::process::exit(code);
}
