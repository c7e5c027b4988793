# Bondtray on NixOS: a module on paper. It has never been built or evaluated; it says what
# Bondtray would need from NixOS, and what Bondtray would have to change first (at the end).
#
#   imports = [ ./bondtray.nix ];
#   services.bondtray.enable = true;
#
# It packages the noarch tarball (mvn package writes target/bondtray-VERSION-noarch.tar.gz),
# which runs on the system's Java 25 and carries JavaFX for x86_64 and aarch64.
{ config, lib, pkgs, ... }:

let
  cfg = config.services.bondtray;
  version = "0.1.0";

  bondtray = pkgs.stdenvNoCC.mkDerivation {
    pname = "bondtray";
    inherit version;
    src = ./bondtray-${version}-noarch.tar.gz;
    nativeBuildInputs = [ pkgs.makeWrapper ];
    dontBuild = true;
    installPhase = ''
      runHook preInstall
      mkdir -p $out
      cp -a root/usr/. $out/
      cp -a root/etc $out/etc
      rm $out/lib/bondtray/uninstall
      # Every fixed path of the FHS build, to the store (see "What Bondtray would change", 1).
      for f in $out/bin/bondtray $out/lib/bondtray/bondtray-helper $out/lib/bondtray/system-hooks \
               $out/lib/systemd/system/*.service $out/share/dbus-1/system-services/*.service; do
        substituteInPlace "$f" --replace-quiet /usr/lib/bondtray $out/lib/bondtray \
                               --replace-quiet /usr/sbin/dhcpcd ${pkgs.dhcpcd}/bin/dhcpcd
      done
      # The launchers look in /usr/lib/jvm, which NixOS does not have.
      wrapProgram $out/bin/bondtray --set BONDTRAY_JAVA_HOME ${pkgs.jdk25_headless}
      runHook postInstall
    '';
    meta = {
      description = "Stay online across cable and Wi-Fi changes";
      homepage = "https://github.com/bondtray/bondtray";
      license = lib.licenses.gpl3Only;
      platforms = [ "x86_64-linux" "aarch64-linux" ];
    };
  };
in
{
  options.services.bondtray = {
    enable = lib.mkEnableOption "Bondtray: the cable and the Wi-Fi bonded, with a tray and a command line";
  };

  config = lib.mkIf cfg.enable {
    environment.systemPackages = [ bondtray pkgs.dhcpcd ];
    # The helper's bus policy and activation file, and who may change the bond.
    services.dbus.packages = [ bondtray ];
    security.polkit.enable = true;
    # The units as the package has them (the helper's sandbox included); the helper starts at
    # boot so that a bond set up before comes back by itself.
    systemd.packages = [ bondtray ];
    systemd.services.bondtray-helper = {
      wantedBy = [ "multi-user.target" ];
      environment.BONDTRAY_JAVA_HOME = "${pkgs.jdk25_headless}";
    };
    # The helper hands Wi-Fi ports to wpa_supplicant over its D-Bus API.
    networking.wireless.dbusControlled = lib.mkDefault true;
    boot.kernelModules = [ "bonding" ];
  };
}

# What Bondtray would change before this could work (none of it is done):
# 1. Fixed paths. The launchers, the unit, the activation file and the helper name
#    /usr/lib/bondtray, /usr/sbin/dhcpcd and /usr/sbin/resolvconf. The substitutions above reach
#    the scripts and units but not the helper's own code (Dhcpcd.Paths.system(),
#    SystemResolver), which would take them from the unit's environment instead.
# 2. resolv.conf. NixOS writes it through resolvconf (openresolv) at another path; the helper's
#    SystemResolver looks for Debian's. With systemd-resolved (services.resolved) it works as on
#    Debian, through resolved's D-Bus API.
# 3. NetworkManager reads the helper's runtime drop-in (/run/NetworkManager/conf.d) on NixOS as
#    elsewhere; nothing to change, but never tried.
