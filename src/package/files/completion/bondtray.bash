# bash completion for bondtray: commands, options, interface names and, for the wifi commands,
# the SSIDs wpa_supplicant last saw (bondtray wifi list --cached; nothing when it cannot answer).

_bondtray_interfaces() {
    local d
    for d in /sys/class/net/*; do
        [ -e "$d" ] && printf '%s\n' "${d##*/}"
    done
}

_bondtray_ssids() {
    # The SSID column of the cached list (after the in-use mark, 32 wide), as bondtray shows it
    # (\xNN escapes): what `bondtray wifi connect` takes back.
    bondtray wifi list --cached 2>/dev/null | awk 'NR > 1 && length($0) > 2 { s = substr($0, 3, 32); sub(/ +$/, "", s); if (s != "") print s }'
}

_bondtray() {
    local cur prev words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi

    local IFS=$'\n'
    if [ "$cword" -eq 1 ]; then
        COMPREPLY=($(compgen -W $'status\nwatch\nswitch\nsetup\nconfirm\ndisable\nwifi\ntray\n--help\n--version' -- "$cur"))
        return
    fi

    case "${words[1]}" in
        status|watch)
            COMPREPLY=($(compgen -W '--json' -- "$cur")) ;;
        switch)
            [ "$cword" -eq 2 ] && COMPREPLY=($(compgen -W "$(printf 'wired\nwireless\nauto\n'; _bondtray_interfaces)" -- "$cur")) ;;
        setup)
            case "$prev" in
                --port|--primary) COMPREPLY=($(compgen -W "$(_bondtray_interfaces)" -- "$cur")) ;;
                --prefer) COMPREPLY=($(compgen -W $'wired\nwireless\nauto' -- "$cur")) ;;
                --addressing) COMPREPLY=($(compgen -W $'dhcp\nstatic\nboth' -- "$cur")) ;;
                --miimon|--updelay|--downdelay|--address|--gateway|--dns|--route|--metric|--fallback|--confirm-timeout) ;;
                *) COMPREPLY=($(compgen -W $'--port\n--primary\n--prefer\n--miimon\n--updelay\n--downdelay\n--addressing\n--address\n--gateway\n--dns\n--route\n--metric\n--fallback\n--confirm-timeout' -- "$cur")) ;;
            esac ;;
        wifi)
            if [ "$cword" -eq 2 ]; then
                COMPREPLY=($(compgen -W $'list\nconnect\nforget' -- "$cur"))
                return
            fi
            case "$prev" in
                --interface) COMPREPLY=($(compgen -W "$(_bondtray_interfaces)" -- "$cur")) ;;
                --security) COMPREPLY=($(compgen -W $'open\nwpa2\nwpa3' -- "$cur")) ;;
                --password-file) COMPREPLY=($(compgen -f -- "$cur")) ;;
                connect|forget)
                    local ssid
                    COMPREPLY=()
                    # An SSID may hold spaces and a backslash: each goes back to the shell quoted.
                    while IFS= read -r ssid; do
                        [[ "$ssid" == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$ssid")")
                    done < <(_bondtray_ssids) ;;
                *)
                    case "${words[2]}" in
                        list) COMPREPLY=($(compgen -W $'--cached\n--json\n--interface' -- "$cur")) ;;
                        connect) COMPREPLY=($(compgen -W $'--password-file\n--security\n--hidden\n--interface' -- "$cur")) ;;
                        forget) COMPREPLY=($(compgen -W '--interface' -- "$cur")) ;;
                    esac ;;
            esac ;;
    esac
}

complete -F _bondtray bondtray
