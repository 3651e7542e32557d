#!/usr/bin/env bash
# Fails when a layer includes what DESIGN.md keeps out of it.
set -u
root=${1:-.}
bad=0
check() { # folder, regex, what
    local hits
    hits=$(grep -rnE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($2)" "$root/$1" \
           --include='*.h' --include='*.hpp' --include='*.cpp' 2>/dev/null)
    if [ -n "$hits" ]; then
        echo "layering: $1/ must not include $3:"
        echo "$hits"
        bad=1
    fi
}
check models 'wx/|curl/|vtk|Poco/Net/' "wx, curl, VTK or network headers"
check sync 'wx/|vtk' "wx or VTK headers"
[ -d "$root/maps" ] && {
    hits=$(grep -rlnE '#[[:space:]]*include[[:space:]]*<wx/' "$root/maps" --include='*.h' --include='*.cpp' | grep -v "/maps/wx/")
    [ -n "$hits" ] && { echo "layering: only maps/wx/ may include wx headers:"; echo "$hits"; bad=1; }
}
[ $bad -eq 0 ] && echo "layering: ok"
exit $bad
