package data

import (
	"embed"
	"io/fs"
)

//go:embed assets
var assets embed.FS

// Assets is the read-only tree of embedded assets: the taxonomy, the user
// dictionary and the sample site, rooted at the assets folder.
func Assets() fs.FS {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the folder is embedded at build time
	}
	return sub
}

// Names of the embedded assets, also the names of the files in the data
// dir that extend them.
const (
	UserDictFile = "userdict.txt"
	TaxonomyFile = "taxonomy.yaml"
)
