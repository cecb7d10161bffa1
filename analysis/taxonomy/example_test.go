package taxonomy_test

import (
	"fmt"
	"strings"

	"meetscan/analysis/taxonomy"
)

func ExampleTaxonomy_ThemesInQuery() {
	tax, err := taxonomy.Default()
	if err != nil {
		panic(err)
	}
	for _, th := range tax.ThemesInQuery(`"High Quality Development" 一崗雙責 -形式主义`) {
		fmt.Println(th.ID, th.LabelZH)
	}
	// Output:
	// high_quality_development 高质量发展
	// one_post_two_responsibilities 一岗双责
}

func ExampleTaxonomy_Merge() {
	base, err := taxonomy.Default()
	if err != nil {
		panic(err)
	}
	ext, err := taxonomy.Load(strings.NewReader(`
themes:
  - id: digital_transformation
    label_en: Digital transformation
    label_zh: 数字化转型
    terms_zh: [数字化转型]
    terms_en: [digital transformation]
  - id: high_quality_development
    mode: extend
    terms_en: [quality development of high standard]
`))
	if err != nil {
		panic(err)
	}
	tax := base.Merge(ext)
	th, _ := tax.Theme("high_quality_development")
	fmt.Println(tax.Len()-base.Len(), th.TermsEN[len(th.TermsEN)-1])
	// Matching without a segmenter treats Chinese terms as substrings.
	for _, h := range taxonomy.NewMatcher(tax, nil).Match("Digital Transformation and quality development of high standard.") {
		fmt.Println(h.ID, h.Count, h.Terms)
	}
	// Output:
	// 1 quality development of high standard
	// digital_transformation 1 [digital transformation]
	// high_quality_development 1 [quality development of high standard]
}

func ExampleNormalize() {
	fmt.Println(taxonomy.Normalize("Comprehensive and Strict Party-Governance of Party Members'"))
	fmt.Println(taxonomy.FoldTraditional("黨風廉政建設"))
	// Output:
	// comprehensive and strict party governance of party member
	// 党风廉政建设
}
