package meeting

import "testing"

func TestOrgUnit(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"东港街道办事处党工委", "东港街道办事处"},
		{"东港街道办事处", "东港街道办事处"},
		{"资源学院党委", "资源学院"},
		{"机关党委", "机关党委"}, // the organ of the office itself: nothing left
		{"国光社区党委", "国光社区"},
		{"市商务局党组", "市商务局"},
		{"我校校园建设处党支部", "我校校园建设处"},
		{"高镇纪委", "高镇"},
		{"党委", "党委"},
		{"Party Committee of Donggang Subdistrict Office", "Donggang Subdistrict Office"},
		{"the Party Committee of the Donggang Subdistrict Office", "Donggang Subdistrict Office"},
		{"Donggang Subdistrict Office Party Working Committee", "Donggang Subdistrict Office"},
		{"Party Leadership Group of Linhai Municipal Bureau of Ecology and Environment", "Linhai Municipal Bureau of Ecology and Environment"},
		{"Zhengzhou Sanmo Institute", "Zhengzhou Sanmo Institute"},
		{"Party Committee", "Party Committee"},
		{"", ""},
	} {
		if got := OrgUnit(tc.in); got != tc.want {
			t.Errorf("OrgUnit(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// holdIndex must find what zhHold finds.
func TestHoldIndexLikeZhHold(t *testing.T) {
	for _, p := range []string{"", "机关党委召开会议", "组织召开", "组织开展学习并举行仪式", "先举办后召开", "无", "党委组织举行", "开展开展", "组织"} {
		got, want := holdIndex(p), zhHold.FindStringIndex(p)
		if len(got) != len(want) || len(got) == 2 && (got[0] != want[0] || got[1] != want[1]) {
			t.Errorf("holdIndex(%q) = %v, zhHold %v", p, got, want)
		}
	}
}

func FuzzHoldIndex(f *testing.F) {
	f.Add("组织召开会议")
	f.Fuzz(func(t *testing.T, p string) {
		got, want := holdIndex(p), zhHold.FindStringIndex(p)
		if len(got) != len(want) || len(got) == 2 && (got[0] != want[0] || got[1] != want[1]) {
			t.Errorf("holdIndex(%q) = %v, zhHold %v", p, got, want)
		}
	})
}
