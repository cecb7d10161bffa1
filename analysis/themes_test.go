package analysis

import (
	"strings"
	"testing"

	"meetscan/data"
)

// Themes of a paragraph and of its requirements come from one
// segmentation; a theme term inside a longer dictionary word that is made
// of terms (全面从严治党主体责任) is still found, in the paragraph and in
// the requirement.
func TestThemesSharedCut(t *testing.T) {
	a := analyzer(t)
	for _, tc := range []struct {
		body  string
		want  []string // theme ids of the article
		reqTh []string // theme ids of the first requirement
	}{
		{"12月5日，公司党委召开会议。党委书记张三强调，要落实全面从严治党主体责任，推动高质量发展。",
			[]string{"comprehensive_strict_governance", "primary_responsibility", "high_quality_development"},
			[]string{"comprehensive_strict_governance", "primary_responsibility", "high_quality_development"}},
		{"12月5日，公司党委召开会议。會議強調，要堅持全面從嚴治黨，加強黨風廉政建設。",
			[]string{"comprehensive_strict_governance", "clean_governance"},
			[]string{"comprehensive_strict_governance", "clean_governance"}},
		{"On December 5, the company held a meeting. Secretary Zhang San stressed that we must promote high-quality development and one post, two responsibilities.",
			[]string{"high_quality_development", "one_post_two_responsibilities"},
			[]string{"high_quality_development", "one_post_two_responsibilities"}},
	} {
		an := a.Analyze(&data.Article{Body: tc.body})
		got := map[string]bool{}
		for _, h := range an.Themes {
			got[h.ID] = true
		}
		for _, id := range tc.want {
			if !got[id] {
				t.Errorf("%q: theme %s missing from %+v", tc.body, id, an.Themes)
			}
		}
		if len(an.Requirements) == 0 {
			t.Errorf("%q: no requirement", tc.body)
			continue
		}
		rt := strings.Join(an.Requirements[0].Themes, " ")
		for _, id := range tc.reqTh {
			if !strings.Contains(rt, id) {
				t.Errorf("%q: requirement %q themes %q lack %s", tc.body, an.Requirements[0].Text, rt, id)
			}
		}
	}
}
