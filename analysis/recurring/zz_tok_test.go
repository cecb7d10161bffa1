package recurring

import (
	"testing"

	"meetscan/data/gen"
)

func TestZZTok(t *testing.T) {
	tok := testTokenizer(t)
	for _, f := range append(gen.DefaultRecurring(), gen.DefaultDistractors()...) {
		for _, s := range append(f.ZH, f.EN...) {
			t.Log(f.ID, tok.Tokens(s))
		}
	}
}
