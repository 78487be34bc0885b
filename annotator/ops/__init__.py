"""Operations across store and formats: import, export, check, stats. No Qt."""
