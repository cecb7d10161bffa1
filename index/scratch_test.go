package index

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"
)

func TestScratchQ(t *testing.T) {
	dir := os.Getenv("MEETSCAN_BENCH_INDEX")
	if dir == "" { t.Skip() }
	ix, err := Open(dir, Config{AnalyzerVersion: "bench", IgnoreVersion: true})
	if err != nil { t.Fatal(err) }
	defer ix.Close()
	for _, q := range []string{"基层党建 -述职", "基层党建", "基层", "theory study", "theory", "\"party building\""} {
		c, err := ix.compile(Request{Query: q})
		if err != nil { t.Fatal(err) }
		b, _ := json.Marshal(c.strict)
		start := time.Now()
		res, err := ix.Search(context.Background(), Request{Query: q, Facets: true})
		fmt.Println(q, res.Total, res.Partial, time.Since(start), err)
		fmt.Println("  ", string(b))
	}
}
