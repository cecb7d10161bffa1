package web

import (
	"testing"

	"meetscan/analysis/recurring"
	"meetscan/analysis/segment"
)

// e2eSetup is the backend the browser test runs against.
type e2eSetup struct {
	Config
	hostileID string
}

const (
	e2eQueryZH = "高质量发展"
	e2eQueryEN = "development"
)

// e2eConfig builds a real store and index from 400 generated articles and
// one hostile article, and wires the real trends and requirement grouping.
func e2eConfig(t *testing.T) e2eSetup {
	c, hostile := realCorpus(t)
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	it := IndexTrends{Index: c.Index, Articles: c.Store, Themes: c.Themes}
	tok := recurring.NewTokenizer(seg)
	return e2eSetup{
		Config: Config{
			Search: IndexSearcher{Index: c.Index}, Articles: c.Store, Trends: it, Context: it,
			Requirements: &StoreRequirements{Store: c.Store, Tokenizer: tok},
			Reports:      StoreReports{Store: c.Store, Tokenizer: tok}, Themes: c.Themes,
		},
		hostileID: hostile.Article.ID,
	}
}
