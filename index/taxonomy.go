package index

func taxonomyVersion(cfg Config) string {
	if cfg.Taxonomy == nil {
		return ""
	}
	return cfg.Taxonomy.Version()
}

// queryThemes returns the themes a query names, in either language.
func queryThemes(cfg Config, q string) []ThemeRef {
	if cfg.Taxonomy == nil || q == "" {
		return nil
	}
	var out []ThemeRef
	for _, t := range cfg.Taxonomy.ThemesInQuery(q) {
		out = append(out, ThemeRef{ID: t.ID, LabelEN: t.LabelEN, LabelZH: t.LabelZH})
	}
	return out
}
