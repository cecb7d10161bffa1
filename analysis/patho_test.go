package analysis

import (
	"strings"
	"testing"
	"time"

	"meetscan/data"
)

// TestLongInputsStayLinear guards against quadratic work on long
// paragraphs (thousands of requirements or mentions in one paragraph): a
// quadratic step took over a minute here before it was fixed.
func TestLongInputsStayLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	a := analyzer(t)
	for name, body := range map[string]string{
		"one paragraph of directives": strings.Repeat("会议强调，要加强学习；要狠抓落实。", 3000),
		"many paragraphs":             strings.Repeat("党委书记张三主持会议，一是要学习；二是要落实。\n", 3000),
		"english":                     strings.Repeat("Secretary Wang Jianguo stressed that we must study. First, we should act; second, we must work. ", 1000),
		"names list":                  strings.Repeat("王一、李二、张三、赵四、", 3000),
	} {
		t0 := time.Now()
		an := a.Analyze(&data.Article{Body: body})
		d := time.Since(t0)
		t.Logf("%s: %d bytes, %v, %d requirements, %d people", name, len(body), d, len(an.Requirements), len(an.People))
		if d > 60*time.Second {
			t.Errorf("%s: %v for %d bytes", name, d, len(body))
		}
		if len(an.Requirements) == 0 && name != "names list" {
			t.Errorf("%s: no requirements", name)
		}
	}
}
