//! svtext inside another program: analyse one text and print who says what.
//! `cargo run --example embed`

fn main() -> Result<(), svtext::Error> {
    let text = "Regionen rekryterar fler sjuksköterskor\n\n– Vi måste ta ansvar för kompetensförsörjningen, säger Anna Berg, HR-direktör i Region Kronoberg.";
    let raw = svtext::RawDoc::in_memory("exempel", text, svtext::Format::Text);
    let doc = svtext::analyze(&raw, &svtext::Codebook::builtin())?;
    for s in &doc.speakers {
        println!(
            "{} ({}; {})",
            s.name,
            s.roles.join(", "),
            s.organisations.join(", ")
        );
    }
    let themes: Vec<&str> = doc.themes.iter().map(|t| t.id.as_str()).collect();
    println!("themes: {}", themes.join(", "));
    Ok(())
}
