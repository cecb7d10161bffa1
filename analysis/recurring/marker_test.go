package recurring

import "testing"

func TestStripMarker(t *testing.T) {
	for in, want := range map[string]string{
		"（一）把全面从严治党贯穿到日常工作全过程；":    "把全面从严治党贯穿到日常工作全过程",
		"二是要加强节能降耗管理，做到随手关灯、节约用水。": "要加强节能降耗管理，做到随手关灯、节约用水",
		"一要守牢安全底线":                                     "守牢安全底线",
		"3. 健全学习机制":                                    "健全学习机制",
		"第二，压实责任":                                      "压实责任",
		"First, it is necessary to keep deepening it.": "it is necessary to keep deepening it",
		"Secondly: members must lead.":                 "members must lead",
		"(2) records must be filed;":                   "records must be filed",
		"last year the work went well":                 "last year the work went well",
		"十分重要的工作":                                      "十分重要的工作",
		"一是":                                           "一是",
		"第三点，加强学习":                                     "加强学习",
		"其三，加强学习":                                      "加强学习",
		"第三是加强学习":                                      "加强学习",
		"⑴加强学习":                                        "加强学习",
		"③　加强学习":                                       "加强学习",
		"首先，加强学习":                                      "加强学习",
		"第一书记要带头":                                      "第一书记要带头",
		"第三个方面，抓好学习":                                   "抓好学习",
		"（三）第三，抓好学习":                                   "抓好学习",
	} {
		if got := StripMarker(in); got != want {
			t.Errorf("StripMarker(%q) = %q, want %q", in, got, want)
		}
	}
}
