package htmlout

import (
	"io/fs"
	"strings"
)

// versionsPath is where build-assets.sh records the versions of the npm
// packages in the bundle, one "name version" line each.
const versionsPath = "assets/VERSIONS"

// BundleVersions returns the npm packages in the ECharts bundle embedded
// in the binary with their versions ("echarts 5.6.0", "zrender 5.6.1"), or
// ErrNoBundle when the binary was built without the bundle. The list is
// empty when the bundle was built before versions were recorded.
func BundleVersions() ([]string, error) {
	if b := getBundle(); b.err != nil {
		return nil, b.err
	}
	b, err := fs.ReadFile(assetsFS, versionsPath)
	if err != nil {
		return nil, nil
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out, nil
}
