package main

import (
	"meetscan/data"
)

// openStore opens the data dir's store alone, for commands that need neither
// the analyzer nor the index.
func openStore(e *env) (*data.Store, error) {
	if err := checkDataDir(e.dataDir); err != nil {
		return nil, err
	}
	return data.Open(e.dataDir)
}
