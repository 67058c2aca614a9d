/** The console's shell: Ant Design in Bahasa Indonesia, the menu of the signed-in role's
 * screens, and the routes. Nothing but the sign-in page shows before a sign-in. */
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Typography } from "antd";
import idID from "antd/locale/id_ID";
import dayjs from "dayjs";
import "dayjs/locale/id";
import { useState } from "react";
import { Navigate, Route, Routes, useLocation, useNavigate } from "react-router-dom";
import { useSession } from "./auth/session";
import { CALLBACK_PATH } from "./auth/oidc";
import { t } from "./i18n";
import { Beranda } from "./pages/Beranda";
import { Impor } from "./pages/Impor";
import { Kebutuhan } from "./pages/Kebutuhan";
import { Keputusan, KeputusanBaru, KeputusanDetail, mayIssue } from "./pages/Keputusan";
import { KebutuhanDetail } from "./pages/KebutuhanDetail";
import { Mutasi } from "./pages/Mutasi";
import { MutasiDetail } from "./pages/MutasiDetail";
import { Pegawai, PegawaiProfil } from "./pages/Pegawai";
import { Pemantauan } from "./pages/Pemantauan";
import { Saya } from "./pages/Saya";
import { OidcCallback, SignIn } from "./pages/SignIn";
import { Tugas } from "./pages/Tugas";
import { screensFor, type Screen } from "./roles";

dayjs.locale("id");

const PATHS: Record<Screen, string> = {
  beranda: "/",
  kebutuhan: "/kebutuhan",
  mutasi: "/mutasi",
  keputusan: "/keputusan",
  tugas: "/tugas",
  pegawai: "/pegawai",
  pemantauan: "/pemantauan",
  saya: "/saya",
  impor: "/impor",
};

// Colours chosen for WCAG AA contrast (the defaults' tertiary text and links fall short).
const THEME = {
  token: {
    colorPrimary: "#0b5cad",
    colorInfo: "#0b5cad",
    colorLink: "#0b5cad",
    colorError: "#c62828",
    colorWarning: "#8a5a00",
    colorSuccess: "#2e7d32",
    borderRadius: 6,
    colorTextDescription: "rgba(0,0,0,0.68)",
    colorTextTertiary: "rgba(0,0,0,0.68)",
    colorTextQuaternary: "rgba(0,0,0,0.6)",
    colorTextPlaceholder: "rgba(0,0,0,0.6)",
  },
};

export function App() {
  return (
    <ConfigProvider locale={idID} theme={THEME}>
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  );
}

function Shell() {
  const { claims, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  // Choosing a menu item again loads the screen afresh (read models follow events).
  const [visit, setVisit] = useState(0);
  if (location.pathname === CALLBACK_PATH) return <OidcCallback />;
  if (!claims) return location.pathname === "/masuk" ? <SignIn /> : <Navigate to="/masuk" replace />;

  const allowed = screensFor(claims.roles);
  const home = allowed.includes("beranda") ? "/" : PATHS[allowed[0] ?? "saya"];
  const current = (Object.keys(PATHS) as Screen[]).filter((s) => s !== "beranda").find((s) => location.pathname.startsWith(PATHS[s])) ?? "beranda";
  const may = (s: Screen, el: JSX.Element) => (allowed.includes(s) ? el : <Typography.Text>{t.common.notAllowed}</Typography.Text>);
  const name = claims.preferred_username ?? claims.nip ?? claims.sub;

  return (
    <Layout className="shell">
      <a className="skip-link" href="#konten">{t.app.skip}</a>
      <Layout.Header className="header">
        <span className="brand">{t.app.name}</span>
        <nav aria-label={t.nav.menu} className="nav">
          <Menu
            mode="horizontal"
            theme="dark"
            selectedKeys={[current]}
            disabledOverflow
            items={allowed.map((s) => ({ key: s, label: t.nav[s] }))}
            onClick={(e) => {
              setVisit((v) => v + 1);
              navigate(PATHS[e.key as Screen]);
            }}
          />
        </nav>
        <span className="who">
          <span>{t.signIn.signedInAs(name, claims.roles.map((r) => t.roles[r] ?? r).join(", "))}</span>
          <Button size="small" onClick={() => { signOut(); navigate("/masuk"); }}>{t.signIn.signOut}</Button>
        </span>
      </Layout.Header>
      {/* Ant Design's Content is itself the page's one <main>. */}
      <Layout.Content id="konten" className="content" tabIndex={-1}>
          <Routes key={visit}>
            <Route path="/" element={allowed.includes("beranda") ? <Beranda /> : <Navigate to={home} replace />} />
            <Route path="/masuk" element={<Navigate to={home} replace />} />
            <Route path="/kebutuhan" element={may("kebutuhan", <Kebutuhan />)} />
            <Route path="/kebutuhan/:needId" element={may("kebutuhan", <KebutuhanDetail />)} />
            <Route path="/mutasi" element={may("mutasi", <Mutasi />)} />
            <Route path="/mutasi/:mutationId" element={allowed.includes("mutasi") || allowed.includes("saya") ? <MutasiDetail /> : may("mutasi", <></>)} />
            <Route path="/keputusan" element={may("keputusan", <Keputusan />)} />
            <Route path="/keputusan/baru" element={allowed.includes("keputusan") && mayIssue(claims.roles) ? <KeputusanBaru /> : may("keputusan", <Typography.Text>{t.common.notAllowed}</Typography.Text>)} />
            <Route path="/keputusan/:decreeId" element={may("keputusan", <KeputusanDetail />)} />
            <Route path="/tugas" element={may("tugas", <Tugas />)} />
            <Route path="/pegawai" element={may("pegawai", <Pegawai />)} />
            <Route path="/pegawai/:nip" element={may("pegawai", <PegawaiProfil />)} />
            <Route path="/pemantauan" element={may("pemantauan", <Pemantauan />)} />
            <Route path="/saya" element={may("saya", <Saya />)} />
            <Route path="/impor" element={may("impor", <Impor />)} />
            <Route path="*" element={<Navigate to={home} replace />} />
          </Routes>
      </Layout.Content>
    </Layout>
  );
}
