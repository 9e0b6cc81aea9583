//! What every benchmark binary shares: run the benchmarks named on the command line.

/// Run each benchmark whose name contains one of the command-line words (every benchmark when
/// none is given): `cargo bench --bench import_bench -- xlsx`.
pub fn run(benchmarks: &[(&str, fn())]) {
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|word| !word.starts_with("--"))
        .collect();
    for (name, benchmark) in benchmarks {
        if filter.is_empty() || filter.iter().any(|word| name.contains(word.as_str())) {
            benchmark();
        }
    }
}
