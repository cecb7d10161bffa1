package gen_test

import (
	"fmt"

	"meetscan/data"
	"meetscan/data/gen"
)

// Generate streams articles; the returned Truth holds the planted counts.
func ExampleGenerate() {
	cfg := gen.Default(600, 1)
	var n int
	truth, err := gen.Generate(cfg, func(a *data.Article) error {
		n++
		return nil
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(n, truth.Docs, truth.DocsByYear[2019])
	// Output: 600 600 100
}
